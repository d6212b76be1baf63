// Audit view: filterable, newest first, decision colours, paging by cursor.
import { api } from './api.js';
import { $, clear, h, time } from './dom.js';

let cursor;

export function initAudit() {
  $('audit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showAudit();
  });
  $('audit-more').addEventListener('click', () => load(true));
}

function query(more) {
  const form = new FormData($('audit-form'));
  const params = new URLSearchParams();
  for (const [key, value] of form) {
    if (!value) continue;
    params.set(key, key === 'since' || key === 'until' ? new Date(value).toISOString() : value);
  }
  if (more && cursor) params.set('cursor', cursor);
  return params;
}

export function showAudit() {
  return load(false);
}

async function load(more) {
  const page = await api('GET', `/api/audit?${query(more)}`);
  const rows = more ? $('audit-rows') : clear($('audit-rows'));
  for (const record of page.records) {
    const row = h(
      'tr',
      { tabindex: 0, class: `decision-${record.decision}` },
      h('td', { text: time(record.time) }),
      h('td', { text: record.seq }),
      h('td', { text: record.event }),
      h('td', { text: record.agent ?? record.admin ?? '' }),
      h('td', { text: record.tool ?? '' }),
      h('td', {}, h('span', { class: `pill ${record.decision}`, text: record.decision })),
      h('td', {}, h('code', { text: record.code ?? '' })),
      h('td', { class: 'reason', text: record.reason ?? '' }),
    );
    const detail = () => {
      const pre = $('audit-detail');
      pre.hidden = false;
      pre.textContent = JSON.stringify(record, null, 2);
    };
    row.addEventListener('click', detail);
    row.addEventListener('keydown', (event) => event.key === 'Enter' && detail());
    rows.append(row);
  }
  if (!more && page.records.length === 0)
    rows.append(h('tr', {}, h('td', { colspan: 8, class: 'muted', text: 'No matching records.' })));
  cursor = page.next;
  $('audit-more').hidden = !page.next;
}
