// Hash routes: #/ingest, #/documents, #/documents/{id}, #/search?q=..&mode=.., #/entities,
// #/entities/{id}. Pure functions, so links and the router agree.

export const VIEWS = ['ingest', 'documents', 'search', 'entities'];

/** '#/documents/a%2Fb?x=1' -> {view: 'documents', id: 'a/b', params: URLSearchParams}. */
export function parseRoute(hash) {
  const raw = String(hash ?? '').replace(/^#\/?/, '');
  const query = raw.indexOf('?');
  const path = query < 0 ? raw : raw.slice(0, query);
  const params = new URLSearchParams(query < 0 ? '' : raw.slice(query + 1));
  const [first, ...rest] = path.split('/');
  const view = VIEWS.includes(first) ? first : 'ingest';
  const id = rest.length > 0 && rest.join('/') !== '' ? safeDecode(rest.join('/')) : null;
  return { view, id, params };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function documentHref(documentId) {
  return `#/documents/${encodeURIComponent(documentId)}`;
}

export function entityHref(entityId) {
  return `#/entities/${encodeURIComponent(entityId)}`;
}

export function searchHref(query, mode, documentId) {
  const params = new URLSearchParams({ q: query ?? '' });
  if (mode) params.set('mode', mode);
  if (documentId) params.set('document', documentId);
  return `#/search?${params}`;
}
