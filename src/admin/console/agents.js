// Agents view: the effective grants of one agent as a table, and "why" for agent + tool.
import { api, enc } from './api.js';
import { $, clear, h } from './dom.js';

let selected;

export function initAgents() {
  $('explain-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const tool = $('explain-tool').value.trim();
    if (!selected || !tool) return;
    const data = await api('GET', `/api/explain?agent=${enc(selected)}&tool=${enc(tool)}`);
    const out = $('explain-out');
    out.hidden = false;
    out.className = `explain ${data.allowed ? 'allow' : 'deny'}`;
    out.textContent = data.lines.join('\n');
  });
}

export async function showAgents() {
  const data = await api('GET', '/api/agents');
  const list = clear($('agent-list'));
  for (const agent of data.agents) {
    list.append(
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: agent.id === selected ? 'current' : '',
            onclick: () => openAgent(agent.id),
          },
          h('strong', { text: agent.id }),
          h('span', {
            class: 'muted small',
            text: `${agent.tools.length} tool${agent.tools.length === 1 ? '' : 's'}${agent.gated ? ' · gated' : ''}`,
          }),
        ),
      ),
    );
  }
  const still = data.agents.find((agent) => agent.id === selected) ?? data.agents[0];
  if (still) await openAgent(still.id);
}

function limitsText(limits) {
  const parts = [];
  if (limits.timeoutMs !== undefined) parts.push(`${limits.timeoutMs} ms`);
  if (limits.memoryMb !== undefined) parts.push(`${limits.memoryMb} MB`);
  if (limits.maxOutputBytes !== undefined) parts.push(`out ${Math.round(limits.maxOutputBytes / 1024)} KiB`);
  if (limits.maxHostCalls !== undefined) parts.push(`${limits.maxHostCalls} host calls`);
  return parts.join(', ') || 'manifest defaults';
}

function egressCell(row) {
  if (row.egress.none) return h('span', { class: 'muted', text: 'no network' });
  return h(
    'div',
    {},
    ...row.egress.grant.map((pattern) => h('code', { class: 'pattern', text: pattern })),
    row.loaded && row.egress.manifest
      ? h('div', {
          class: 'muted small',
          text: `within manifest: ${row.egress.manifest.join(', ') || 'none'}`,
        })
      : null,
  );
}

async function openAgent(id) {
  selected = id;
  for (const button of $('agent-list').querySelectorAll('button')) {
    button.classList.toggle('current', button.querySelector('strong')?.textContent === id);
  }
  const g = await api('GET', `/api/agents/${enc(id)}/grants`);
  $('agent-title').textContent = g.agent;
  $('agent-summary').textContent = `defined in ${g.file} · policy set ${g.policyVersion}`;
  const rows = clear($('grants-rows'));
  for (const row of g.tools) {
    rows.append(
      h(
        'tr',
        {},
        h(
          'td',
          {},
          h('code', { text: row.tool }),
          row.loaded ? null : h('span', { class: 'badge warn', text: 'not loaded' }),
        ),
        h('td', {}, egressCell(row)),
        h('td', { text: limitsText(row.limits) }),
        h('td', { text: row.rate ?? '—' }),
        h(
          'td',
          {},
          row.gated
            ? h('span', { class: 'badge warn', text: 'locked until pre-score' })
            : h('span', { class: 'muted', text: 'open' }),
        ),
        h('td', { text: row.secrets.join(', ') || '—' }),
      ),
    );
  }
  if (g.tools.length === 0)
    rows.append(
      h(
        'tr',
        {},
        h('td', { colspan: 6, class: 'muted', text: 'No tools: this agent sees an empty tools/list.' }),
      ),
    );
  $('grants-table').hidden = false;
  const facts = clear($('agent-facts'));
  const fact = (term, value) => facts.append(h('dt', { text: term }), h('dd', { text: value }));
  fact('Models', g.models.join(', ') || 'none');
  fact(
    'Gate',
    g.prescore
      ? `pre-score on ${g.prescore.model}, block above ${g.prescore.blockAbove}, unlock for ${g.prescore.unlockForMs / 1000}s (${g.prescore.tools === 'all' ? 'all tools' : g.prescore.tools.join(', ')})`
      : 'no pre-score gate',
  );
  fact(
    'Inspection',
    `arguments ${g.inspect.arguments}, fetched text ${g.inspect.output} (${g.inspect.model})`,
  );
  fact(
    'Agent limits',
    [
      g.limits.callsPerMinute ? `${g.limits.callsPerMinute} calls/min` : '',
      g.limits.concurrent ? `${g.limits.concurrent} in flight` : '',
    ]
      .filter(Boolean)
      .join(', ') || 'none',
  );
  fact(
    'Secrets (names only)',
    g.secrets.map((s) => `${s.name} → ${s.hosts.join(', ')}`).join('; ') || 'none',
  );
  $('explain-form').hidden = false;
  $('explain-out').hidden = true;
}
