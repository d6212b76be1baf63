// Policies view: file list, YAML editor validated as you type, diff review, save with If-Match,
// conflict handling, history and rollback.
import { ApiError, api, enc } from './api.js';
import { $, clear, h, renderDiff, time, toast } from './dom.js';
import { LineEditor } from './editor.js';

const NEW_FILE_TEMPLATE = 'version: 1\nagents:\n  new-agent:\n    tools: {}\n';

const state = {
  name: undefined,
  file: undefined,
  version: undefined,
  liveText: '',
  isNew: false,
  check: undefined,
  checkSeq: 0,
  timer: undefined,
};
let editor;

export function initPolicies() {
  editor = new LineEditor($('source'), $('gutter'));
  editor.onInput(() => {
    $('review').hidden = true; // a reviewed diff no longer matches the draft once it changes
    updateStatus();
    clearTimeout(state.timer);
    state.timer = setTimeout(validate, 300);
  });
  $('review-button').addEventListener('click', review);
  $('review-cancel').addEventListener('click', () => {
    $('review').hidden = true;
    $('source').focus();
  });
  $('save-form').addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  $('reload-button').addEventListener('click', () => state.name && open(state.name));
  $('history-button').addEventListener('click', showHistory);
  $('conflict-reload').addEventListener('click', () => state.name && open(state.name));
  $('conflict-diff').addEventListener('click', showLiveChanges);
  $('new-policy-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('new-policy-name')
      .value.trim()
      .replace(/\.ya?ml$/, '');
    if (name) startNew(name);
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && !$('view-policies').hidden) {
      event.preventDefault();
      if (!$('review').hidden && !$('save-button').disabled) save();
      else if (state.name) review();
    }
  });
}

export async function showPolicies() {
  const data = await api('GET', '/api/policies');
  $('set-version').textContent = data.setVersion;
  const list = clear($('policy-list'));
  for (const policy of data.policies) {
    list.append(
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: policy.name === state.name ? 'current' : '',
            'aria-current': policy.name === state.name ? 'true' : undefined,
            onclick: () => open(policy.name),
          },
          h('strong', { text: policy.file }),
          h('span', { class: 'muted small', text: `${policy.version} · ${policy.agents.length} agents` }),
        ),
      ),
    );
  }
  if (!state.name && data.policies[0]) await open(data.policies[0].name);
}

function setEditing(enabled) {
  $('source').disabled = !enabled;
  for (const id of ['review-button', 'reload-button', 'history-button']) $(id).disabled = !enabled;
}

async function open(name) {
  const data = await api('GET', `/api/policies/${enc(name)}`);
  Object.assign(state, {
    name,
    file: data.file,
    version: data.version,
    liveText: data.text,
    isNew: false,
    check: undefined,
  });
  editor.value = data.text;
  editor.setErrors([]);
  afterOpen();
  await validate();
  await showPolicies();
}

function startNew(name) {
  Object.assign(state, {
    name,
    file: `${name}.yaml`,
    version: undefined,
    liveText: '',
    isNew: true,
    check: undefined,
  });
  editor.value = NEW_FILE_TEMPLATE;
  afterOpen();
  validate();
  $('source').focus();
}

function afterOpen() {
  $('editor-title').textContent = state.file;
  $('editor-version').textContent = state.isNew ? 'new file' : state.version;
  for (const id of ['review', 'history', 'conflict']) $(id).hidden = true;
  setEditing(true);
  updateStatus();
}

function dirty() {
  return editor.value !== state.liveText;
}

function updateStatus() {
  const status = $('editor-status');
  const parts = [];
  if (state.check)
    parts.push(
      state.check.ok
        ? '✓ valid'
        : `✗ ${state.check.errors.length} error${state.check.errors.length === 1 ? '' : 's'}`,
    );
  if (dirty()) parts.push('unsaved changes');
  status.textContent = parts.join(' · ');
  status.className = `status ${state.check && !state.check.ok ? 'bad' : 'good'}`;
}

/** Validates the draft; answers that arrive after a newer request started are dropped. */
async function validate() {
  if (!state.name) return undefined;
  const seq = ++state.checkSeq;
  const text = editor.value;
  let check;
  try {
    check = await api('POST', '/api/policies/validate', { body: { name: state.name, text } });
  } catch (error) {
    toast(`Validation failed: ${error.message}`, 'bad');
    return undefined;
  }
  if (seq !== state.checkSeq) return undefined;
  state.check = check;
  editor.setErrors(check.errors);
  renderErrors(check.errors);
  updateStatus();
  return check;
}

function renderErrors(errors) {
  const list = clear($('errors'));
  for (const error of errors) {
    list.append(
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'link', onclick: () => editor.focusLine(error.line, error.column) },
          h('span', { class: 'where', text: `${error.file}:${error.line}:${error.column}` }),
          ` ${error.message}`,
        ),
      ),
    );
  }
}

async function review() {
  clearTimeout(state.timer);
  const check = await validate();
  if (!check) return;
  $('history').hidden = true;
  $('review').hidden = false;
  renderDiff($('review-diff'), check.diff);
  const blocked = !check.ok || (!dirty() && !state.isNew);
  $('save-button').disabled = blocked;
  $('save-button').title = !check.ok ? 'Fix the errors first' : blocked ? 'Nothing to save' : '';
  if (check.ok) $('save-message').focus();
  else if (check.errors[0]) editor.focusLine(check.errors[0].line, check.errors[0].column);
}

async function save() {
  const headers = state.isNew ? { 'if-none-match': '*' } : { 'if-match': state.version };
  const message = $('save-message').value.trim();
  try {
    const result = await api('PUT', `/api/policies/${enc(state.name)}`, {
      body: { text: editor.value, ...(message ? { message } : {}) },
      headers,
    });
    $('save-message').value = '';
    const reload = result.reload
      ? ` · policy set ${result.reload.ok ? 'reloaded' : 'NOT reloaded'} (${result.reload.version})`
      : '';
    toast(`Saved ${result.file}: ${result.previous ?? 'new'} → ${result.version}${reload}`, 'good');
    await open(state.name);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'ERR_ADMIN_CONFLICT') showConflict(error);
    else if (error.code === 'ERR_POLICY_INVALID') {
      editor.setErrors(error.details.errors ?? []);
      renderErrors(error.details.errors ?? []);
      toast(`Refused: ${error.message}`, 'bad');
    } else toast(`${error.code}: ${error.message}`, 'bad');
  }
}

function showConflict(error) {
  $('review').hidden = true;
  $('conflict').hidden = false;
  const current = error.details.current;
  $('conflict-text').textContent = current
    ? `${state.file} was changed by someone else (live version ${current}, you started from ${state.version ?? 'a new file'}). Your edits are still here.`
    : error.message;
  toast('Not saved: the file changed since you loaded it', 'bad');
  showPolicies();
}

/** What the live file looks like now compared with this draft (the other admin's changes). */
async function showLiveChanges() {
  const live = await api('GET', `/api/policies/${enc(state.name)}`);
  const check = await api('POST', '/api/policies/validate', {
    body: { name: state.name, text: editor.value },
  });
  $('review').hidden = false;
  $('save-button').disabled = true;
  $('save-button').title = 'Reload the live version first';
  renderDiff($('review-diff'), check.diff);
  $('conflict-text').textContent =
    `Live version ${live.version}; the diff shows how your draft differs from it.`;
}

async function showHistory() {
  const data = await api('GET', `/api/policies/${enc(state.name)}/history`);
  $('review').hidden = true;
  $('history').hidden = false;
  $('history-diff').hidden = true;
  const rows = clear($('history-rows'));
  for (const entry of data.versions) {
    const isCurrent = entry.version === data.current;
    const rollback = h('button', { type: 'button', disabled: isCurrent, text: 'Roll back' });
    rollback.addEventListener('click', () => {
      if (rollback.dataset.confirm) return rollbackTo(entry.version, data.current);
      rollback.dataset.confirm = '1';
      rollback.textContent = `Confirm rollback to ${entry.version}`;
      rollback.classList.add('danger');
    });
    rows.append(
      h(
        'tr',
        { class: isCurrent ? 'current' : '' },
        h(
          'td',
          {},
          h('code', { text: entry.version }),
          isCurrent ? h('span', { class: 'badge', text: 'live' }) : null,
        ),
        h('td', { text: time(entry.time) }),
        h('td', { text: entry.admin }),
        h('td', { text: entry.restored ? `${entry.action} to ${entry.restored}` : entry.action }),
        h('td', { text: entry.message }),
        h(
          'td',
          { class: 'actions' },
          h('button', { type: 'button', text: 'Diff vs live', onclick: () => diffVersion(entry.version) }),
          rollback,
        ),
      ),
    );
  }
}

async function diffVersion(version) {
  const stored = await api('GET', `/api/policies/${enc(state.name)}/versions/${enc(version)}`);
  const check = await api('POST', '/api/policies/validate', {
    body: { name: state.name, text: stored.text },
  });
  $('history-diff').hidden = false;
  renderDiff($('history-diff'), check.diff);
}

async function rollbackTo(version, current) {
  try {
    const result = await api('POST', `/api/policies/${enc(state.name)}/rollback`, {
      body: { version },
      headers: current ? { 'if-match': current } : {},
    });
    toast(`Rolled back ${result.file} to ${version} (now ${result.version})`, 'good');
    await open(state.name);
    await showHistory();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'ERR_ADMIN_CONFLICT') showConflict(error);
    else toast(`${error.code ?? 'Error'}: ${error.message}`, 'bad');
  }
}
