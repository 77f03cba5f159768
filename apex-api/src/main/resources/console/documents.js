// Documents: the stored documents page by page (cursor), filtered by stage and source; one
// document's status; its deletion after a confirmation.

import { h, replace, showError } from './dom.js';
import { STAGES, formatBytes, formatCount, formatTime, isFinalStage, stageLabel } from './format.js';
import { documentHref, searchHref } from './route.js';
import { withQuery } from './api.js';
import { stageBadge } from './ingest.js';
import { confirmAction } from './dialogs.js';

const PAGE_SIZE = 20;
const POLL_MS = 500;

export class DocumentsView {
  constructor(api) {
    this.api = api;
    this.section = document.getElementById('view-documents');
    this.title = document.getElementById('documents-title');
    this.error = this.section.querySelector('.error');
    this.table = document.getElementById('documents-table');
    this.rows = document.getElementById('documents-rows');
    this.empty = document.getElementById('documents-empty');
    this.more = document.getElementById('documents-more');
    this.form = document.getElementById('documents-filter');
    const stages = document.getElementById('filter-stage');
    for (const stage of STAGES) stages.append(h('option', { value: stage }, stageLabel(stage)));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.load(false);
    });
    this.more.addEventListener('click', () => this.load(true));
    this.cursor = null;
  }

  show() {
    this.load(false);
  }

  async load(more) {
    showError(this.error, null);
    const data = new FormData(this.form);
    const path = withQuery('/v1/documents', {
      status: data.get('status'),
      source: String(data.get('source') ?? '').trim(),
      limit: PAGE_SIZE,
      cursor: more ? this.cursor : null,
    });
    this.more.disabled = true;
    this.table.setAttribute('aria-busy', 'true');
    try {
      const page = await this.api.get(path);
      if (!more) this.rows.replaceChildren();
      for (const doc of page.documents) this.rows.append(this.row(doc));
      this.cursor = page.next_cursor;
      this.more.hidden = !this.cursor;
      this.empty.hidden = this.rows.children.length > 0;
    } catch (error) {
      showError(this.error, error);
    } finally {
      this.more.disabled = false;
      this.table.removeAttribute('aria-busy');
    }
  }

  row(doc) {
    return h(
      'tr',
      { 'data-document-id': doc.document_id },
      h(
        'td',
        { 'data-label': 'Document' },
        h('a', { href: documentHref(doc.document_id) }, doc.file_name || doc.document_id),
      ),
      h('td', { 'data-label': 'Source' }, doc.source ?? '–'),
      h(
        'td',
        { 'data-label': 'Stage' },
        // One wrapper, so that the narrow layout's label and this cell's content stay two columns.
        h(
          'span',
          {},
          stageBadge(doc.stage),
          doc.reason ? h('span', { class: 'reason' }, ` ${doc.reason}`) : null,
        ),
      ),
      h('td', { class: 'num', 'data-label': 'Size' }, formatBytes(doc.size_bytes)),
      h('td', { 'data-label': 'Stored at' }, formatTime(doc.stored_at)),
    );
  }

  focusTitle() {
    this.title.focus();
  }
}

export class DocumentView {
  constructor(api, navigate) {
    this.api = api;
    this.navigate = navigate;
    this.section = document.getElementById('view-document');
    this.title = document.getElementById('document-title');
    this.error = this.section.querySelector('.error');
    this.notice = document.getElementById('document-notice');
    this.facts = document.getElementById('document-status');
    this.searchLink = document.getElementById('document-search');
    this.deleteButton = document.getElementById('document-delete');
    this.deleteButton.addEventListener('click', () => this.confirmDelete());
    this.documentId = null;
    this.generation = 0;
  }

  async show(route) {
    this.documentId = route.id;
    const generation = ++this.generation;
    showError(this.error, null);
    this.notice.hidden = true;
    this.title.textContent = route.id;
    this.facts.replaceChildren();
    this.searchLink.href = searchHref('', null, route.id);
    this.deleteButton.disabled = true;
    try {
      // Follows a document that is still on its way, for as long as this page shows it.
      for (;;) {
        const status = await this.api.get(`/v1/documents/${encodeURIComponent(route.id)}`);
        if (generation !== this.generation) return;
        this.render(status);
        if (isFinalStage(status.stage) || status.stage === 'deleting') return;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (generation !== this.generation || this.section.hidden) return;
      }
    } catch (error) {
      if (generation === this.generation) showError(this.error, error);
    }
  }

  render(status) {
    this.title.textContent = status.file_name || status.document_id;
    const fact = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];
    replace(
      this.facts,
      fact('Stage', stageBadge(status.stage)),
      status.reason ? fact('Reason', h('span', { class: 'reason' }, status.reason)) : null,
      fact('Document ID', h('code', {}, status.document_id)),
      fact('Source', status.source ?? '–'),
      fact('File name', status.file_name ?? '–'),
      fact('Chunks', formatCount(status.chunks)),
      fact('Entities', formatCount(status.entities)),
      fact('Size', formatBytes(status.size_bytes)),
      fact('Stored at', formatTime(status.stored_at)),
      fact('Current version', status.current_version ? h('code', {}, status.current_version) : '–'),
      fact('SHA-256', status.content_sha256 ? h('code', {}, status.content_sha256) : '–'),
      fact('Workflow', status.workflow_id ? h('code', {}, status.workflow_id) : '–'),
    );
    this.deleteButton.disabled = status.stage === 'deleting' || status.stage === 'deleted';
  }

  async confirmDelete() {
    const id = this.documentId;
    const name = this.title.textContent;
    const sure = await confirmAction(
      'Delete this document?',
      `"${name}" (${id}) and its chunks, entities and index entries will be removed.`,
      'Delete',
    );
    if (!sure) {
      this.deleteButton.focus();
      return;
    }
    showError(this.error, null);
    try {
      const accepted = await this.api.delete(`/v1/documents/${encodeURIComponent(id)}`);
      this.deleteButton.disabled = true;
      this.notice.textContent =
        `Deletion accepted (workflow ${accepted.workflow_id ?? '–'}): the document leaves the ` +
        'list and the search results once it has run.';
      this.notice.hidden = false;
      this.notice.focus?.();
      const stage = this.facts.querySelector('.stage');
      if (stage) stage.replaceWith(stageBadge('deleting'));
    } catch (error) {
      showError(this.error, error);
    }
  }

  focusTitle() {
    this.title.focus();
  }
}
