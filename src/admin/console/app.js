// The console shell: sign-in, navigation between views (hash routes), and error reporting.
import { initAgents, showAgents } from './agents.js';
import { api, token, whenUnauthorized } from './api.js';
import { initAudit, showAudit } from './audit.js';
import { $, toast } from './dom.js';
import { showModels } from './models.js';
import { initPolicies, showPolicies } from './policies.js';
import { initSessions, showSessions } from './sessions.js';

const VIEWS = {
  policies: showPolicies,
  agents: showAgents,
  audit: showAudit,
  models: showModels,
  sessions: showSessions,
};

function showOnly(id) {
  for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== id;
}

function signedOut(message) {
  token.clear();
  $('nav').hidden = true;
  $('who').hidden = true;
  showOnly('view-signin');
  $('signin-error').textContent = message ?? '';
  $('signin-token').focus();
}

async function route() {
  if (!token.get()) return signedOut();
  const name = location.hash.slice(1) in VIEWS ? location.hash.slice(1) : 'policies';
  showOnly(`view-${name}`);
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    await VIEWS[name]();
  } catch (error) {
    if (error.status !== 401) toast(`${error.code ?? 'Error'}: ${error.message}`, 'bad');
  }
}

async function signIn(value) {
  token.set(value);
  try {
    const me = await api('GET', '/api/whoami');
    $('who-name').textContent = me.agent;
    $('nav').hidden = false;
    $('who').hidden = false;
    await route();
  } catch (error) {
    signedOut(
      error.status === 403 ? `${error.message} (this is an agent token, not an admin token)` : error.message,
    );
  }
}

function init() {
  initPolicies();
  initAgents();
  initAudit();
  initSessions();
  whenUnauthorized((error) => signedOut(`Signed out: ${error.message}`));
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('signin-token').value.trim();
    $('signin-token').value = '';
    if (value) signIn(value);
  });
  $('sign-out').addEventListener('click', () => signedOut('Signed out.'));
  window.addEventListener('hashchange', route);
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason?.status !== 401)
      toast(`${event.reason?.code ?? 'Error'}: ${event.reason?.message ?? event.reason}`, 'bad');
  });
  const saved = token.get();
  if (saved) signIn(saved);
  else signedOut();
}

init();
