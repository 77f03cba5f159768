// The console's entry point: one API client, the views, and the hash router that shows one view
// at a time and moves focus to its heading.

import { Api } from './api.js';
import { askForKey } from './dialogs.js';
import { DocumentView, DocumentsView } from './documents.js';
import { EntitiesView, EntityView } from './entities.js';
import { IngestView } from './ingest.js';
import { parseRoute } from './route.js';
import { SearchView } from './search.js';

const api = new Api(askForKey);
const views = {
  ingest: new IngestView(api),
  documents: new DocumentsView(api),
  document: new DocumentView(api),
  search: new SearchView(api),
  entities: new EntitiesView(api),
  entity: new EntityView(api),
};

/** The view a route shows: a list view, or its detail view when the route names an ID. */
function viewOf(route) {
  if (route.view === 'documents' && route.id) return 'document';
  if (route.view === 'entities' && route.id) return 'entity';
  return route.view;
}

let first = true;
let shown = null;

function showRoute() {
  // A link to another hash fires both popstate and hashchange: show it once.
  if (location.href === shown) return;
  shown = location.href;
  const route = parseRoute(location.hash);
  const name = viewOf(route);
  for (const [key, view] of Object.entries(views)) view.section.hidden = key !== name;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.id === `nav-${route.view}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const view = views[name];
  document.title = `${view.title.textContent} · Apex memory console`;
  view.show(route);
  // Moving focus on the first load would skip the navigation for keyboard users.
  if (!first) view.focusTitle();
  first = false;
}

document.getElementById('key-button').addEventListener('click', async () => {
  const key = await askForKey(null, Boolean(api.key()));
  if (key !== null) api.setKey(key);
});

window.addEventListener('hashchange', showRoute);
window.addEventListener('popstate', showRoute);
showRoute();
