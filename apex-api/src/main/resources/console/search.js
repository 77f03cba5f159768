// Search: a query and a mode; results grouped by document, each with its matching chunks and the
// query's terms marked.

import { h, replace, showError } from './dom.js';
import { formatScore } from './format.js';
import { groupByDocument, highlightSegments, queryTerms } from './highlight.js';
import { documentHref, searchHref } from './route.js';

const TOP_K = 20;

/** The chunk's text as text nodes, with <mark> around each word that matches a query term. */
export function highlighted(text, terms) {
  return highlightSegments(text, terms).map((segment) =>
    segment.mark ? h('mark', {}, segment.text) : document.createTextNode(segment.text),
  );
}

export class SearchView {
  constructor(api) {
    this.api = api;
    this.section = document.getElementById('view-search');
    this.title = document.getElementById('search-title');
    this.error = this.section.querySelector('.error');
    this.form = document.getElementById('search-form');
    this.query = document.getElementById('search-query');
    this.mode = document.getElementById('search-mode');
    this.scope = document.getElementById('search-scope');
    this.summary = document.getElementById('search-summary');
    this.results = document.getElementById('search-results');
    this.documentId = null;
    this.generation = 0;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const href = searchHref(this.query.value, this.mode.value, this.documentId);
      // The address keeps the query (for links and going back) without a second search.
      if (location.hash !== href) history.pushState(null, '', href);
      this.run();
    });
  }

  show(route) {
    this.documentId = route.params.get('document');
    // Without a query in the address (the navigation's link), the last search stays on show.
    const query = route.params.get('q') ?? this.query.value;
    const mode = route.params.get('mode');
    if (mode) this.mode.value = mode;
    this.query.value = query;
    this.scope.hidden = !this.documentId;
    if (this.documentId) {
      replace(
        this.scope,
        'Only in document ',
        h('a', { href: documentHref(this.documentId) }, this.documentId),
        ' (',
        h('a', { href: searchHref(query, mode, null) }, 'search everything'),
        ')',
      );
    }
    if (route.params.has('q') && query.trim()) this.run();
  }

  async run() {
    const query = this.query.value.trim();
    if (!query) return;
    const generation = ++this.generation;
    showError(this.error, null);
    this.summary.textContent = 'Searching…';
    const request = { query, mode: this.mode.value, top_k: TOP_K };
    if (this.documentId) request.document_ids = [this.documentId];
    try {
      const answer = await this.api.post('/v1/search', request);
      if (generation !== this.generation) return;
      this.render(answer, queryTerms(query));
    } catch (error) {
      if (generation !== this.generation) return;
      this.summary.textContent = '';
      this.results.replaceChildren();
      showError(this.error, error);
    }
  }

  render(answer, terms) {
    const groups = groupByDocument(answer.results);
    this.summary.textContent =
      groups.length === 0
        ? `No results (${answer.mode}).`
        : `${answer.results.length} chunk${answer.results.length === 1 ? '' : 's'} in ` +
          `${groups.length} document${groups.length === 1 ? '' : 's'} (${answer.mode}).`;
    replace(
      this.results,
      groups.map((group) =>
        h(
          'li',
          { class: 'result', 'data-document-id': group.document_id },
          h(
            'h2',
            {},
            h('a', { href: documentHref(group.document_id) }, group.file_name || group.document_id),
          ),
          h(
            'p',
            { class: 'meta' },
            `${group.source ?? ''} · best score `,
            h('span', { class: 'score' }, formatScore(group.best)),
          ),
          h(
            'ol',
            { class: 'chunks' },
            group.chunks.map((chunk) =>
              h(
                'li',
                { class: 'chunk' },
                h('p', { class: 'chunk-text' }, highlighted(chunk.text, terms)),
                h(
                  'p',
                  { class: 'meta' },
                  `chunk ${chunk.chunk_index} · score ${formatScore(chunk.score)}`,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  focusTitle() {
    this.title.focus();
  }
}
