// Live sessions with their gate state, and immediate revocation of an agent or a token id.
import { api } from './api.js';
import { $, clear, h, time, toast } from './dom.js';

export function initSessions() {
  $('revoke-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const agent = String(form.get('agent') ?? '').trim();
    const jti = String(form.get('jti') ?? '').trim();
    await revoke(agent ? { agent } : { jti });
    event.target.reset();
  });
}

async function revoke(what) {
  try {
    await api('POST', '/api/revoke', { body: what });
    toast(`Revoked ${what.agent ? `agent ${what.agent}` : `token ${what.jti}`}`, 'good');
    await showSessions();
  } catch (error) {
    toast(`${error.code ?? 'Error'}: ${error.message}`, 'bad');
  }
}

function gateState(s) {
  if (!s.gated) return h('span', { class: 'muted', text: 'no gate' });
  if (s.unlockedUntil)
    return h('span', { class: 'pill allow', text: `unlocked until ${time(s.unlockedUntil)}` });
  return h('span', { class: 'pill deny', text: 'locked' });
}

export async function showSessions() {
  const data = await api('GET', '/api/sessions');
  const rows = clear($('session-rows'));
  for (const s of data.sessions) {
    rows.append(
      h(
        'tr',
        {},
        h('td', {}, h('code', { text: s.session.slice(0, 12), title: s.session })),
        h('td', { text: s.agent }),
        h('td', { text: time(s.createdAt) }),
        h('td', { text: time(s.lastSeen) }),
        h('td', {}, gateState(s)),
        h(
          'td',
          {},
          h('button', {
            type: 'button',
            class: 'danger',
            onclick: () => revoke({ agent: s.agent }),
            text: 'Revoke agent',
          }),
        ),
      ),
    );
  }
  if (data.sessions.length === 0)
    rows.append(h('tr', {}, h('td', { colspan: 6, class: 'muted', text: 'No live sessions.' })));
  const revoked = [
    ...data.revoked.agents.map((a) => `agent ${a}`),
    ...data.revoked.jti.map((j) => `token ${j}`),
  ];
  $('revoked-list').textContent = revoked.join(', ') || 'nothing';
}
