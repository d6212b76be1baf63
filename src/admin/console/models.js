// Model channels: active / candidate per model, promote and roll back without restart.
import { api, enc } from './api.js';
import { $, clear, h, toast } from './dom.js';

export async function showModels() {
  const data = await api('GET', '/api/models');
  const rows = clear($('model-rows'));
  for (const model of data.models) {
    const shadow = data.shadow.find((s) => s.name === model.name);
    const pick = h(
      'select',
      { 'aria-label': `Version of ${model.name}` },
      h('option', { value: '', text: 'default' }),
      ...model.versions.map((v) => h('option', { value: v, text: v })),
    );
    const change = (action) => async () => {
      try {
        const body = pick.value ? { version: pick.value } : {};
        const result = await api('POST', `/api/models/${enc(model.name)}/${action}`, { body });
        toast(`${model.name}: active ${result.previous.active} → ${result.model.active}`, 'good');
        await showModels();
      } catch (error) {
        toast(`${error.code ?? 'Error'}: ${error.message}`, 'bad');
      }
    };
    rows.append(
      h(
        'tr',
        {},
        h('td', {}, h('strong', { text: model.name })),
        h('td', {}, h('code', { text: model.active })),
        h(
          'td',
          {},
          model.candidate
            ? h('code', { text: model.candidate })
            : h('span', { class: 'muted', text: 'none' }),
        ),
        h('td', { text: model.versions.join(', ') }),
        h('td', { text: `${model.threshold.toFixed(3)} / ${model.documentThreshold.toFixed(3)}` }),
        h('td', {
          text: shadow
            ? `${shadow.agreed}/${shadow.compared} agree, mean Δ ${shadow.meanAbsDelta.toFixed(3)}`
            : '—',
        }),
        h(
          'td',
          { class: 'actions' },
          pick,
          h('button', { type: 'button', onclick: change('promote'), text: 'Promote' }),
          h('button', { type: 'button', onclick: change('rollback'), text: 'Roll back' }),
        ),
      ),
    );
  }
  if (data.models.length === 0)
    rows.append(h('tr', {}, h('td', { colspan: 7, class: 'muted', text: 'No models are loaded.' })));
}
