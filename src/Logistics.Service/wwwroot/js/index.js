import { api, apiKey, el, guarded, showError } from './api.js';

const DISPATCH = ['dispatch.html', 'Dispatch: inputs, plans, map, publishing'];
const FORECAST = ['forecast.html', 'Forecast: order history, next cycles per store and depot, trucks needed, stock-up list'];
const QUALITY = ['qa.html', 'Quality: fleet status, history, alerts, excursions'];
const pagesByRole = {
  dispatcher: [DISPATCH, FORECAST],
  qa: [QUALITY, FORECAST],
  admin: [DISPATCH, FORECAST, QUALITY],
};

function showSignedIn(me) {
  document.getElementById('messages').replaceChildren();
  document.getElementById('who').replaceChildren(el('span', { class: 'user' }, me.user), ' ', el('span', { class: 'role' }, me.role));
  document.getElementById('sign-in').classList.add('hidden');
  document.getElementById('signed-in').classList.remove('hidden');
  document.getElementById('user-name').textContent = me.user;
  document.getElementById('user-role').textContent = me.role;
  document.getElementById('pages').replaceChildren(
    ...(pagesByRole[me.role] || []).map(([href, text]) => el('li', {}, el('a', { href }, text))));
}

document.getElementById('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = document.getElementById('api-key').value.trim();
  guarded(document.getElementById('sign-in-button'), async () => {
    const me = await api('api/web/settings', { token });
    apiKey.set(token);
    showSignedIn(me);
  });
});

document.getElementById('sign-out').addEventListener('click', () => {
  apiKey.clear();
  location.reload();
});

if (apiKey.get()) {
  api('api/web/settings').then(showSignedIn, (error) => { apiKey.clear(); showError(error); });
}
