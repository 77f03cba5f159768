// Ingest: upload files (dropped or picked), one row per file that follows the document's stage by
// polling its status until it is completed or failed.

import { h, replace, showError } from './dom.js';
import { formatCount, isFinalStage, stageLabel, stageTone } from './format.js';
import { documentHref } from './route.js';

const POLL_MS = 500;

export function stageBadge(stage) {
  return h('span', { class: `stage ${stageTone(stage)}`, 'data-stage': stage ?? '' }, stageLabel(stage));
}

export class IngestView {
  constructor(api) {
    this.api = api;
    this.section = document.getElementById('view-ingest');
    this.title = document.getElementById('ingest-title');
    this.error = this.section.querySelector('.error');
    this.table = document.getElementById('ingest-table');
    this.rows = document.getElementById('ingest-rows');
    this.summary = document.getElementById('ingest-summary');
    this.input = document.getElementById('file-input');
    this.source = document.getElementById('ingest-source');
    this.uploads = [];
    this.input.addEventListener('change', () => {
      this.uploadAll(this.input.files);
      this.input.value = '';
    });
    document.getElementById('ingest-form').addEventListener('submit', (event) => event.preventDefault());
    this.watchDrops(document.getElementById('drop-zone'));
  }

  show() {}

  watchDrops(zone) {
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      this.uploadAll(event.dataTransfer.files);
    });
  }

  uploadAll(files) {
    showError(this.error, null);
    for (const file of Array.from(files ?? [])) this.upload(file);
  }

  async upload(file) {
    const upload = { file: file.name, stage: 'pending', row: this.addRow(file.name) };
    this.uploads.push(upload);
    this.render(upload, { stage: 'uploading' });
    const form = new FormData();
    form.append('file', file, file.name);
    const source = this.source.value.trim();
    if (source) form.append('source', source);
    let accepted;
    try {
      accepted = await this.api.post('/v1/documents', form);
    } catch (error) {
      // The upload itself was refused (too large, not a file...): the row says why.
      this.render(upload, { stage: 'failed', reason: error.message });
      return;
    }
    upload.documentId = accepted.document_id;
    try {
      await this.follow(upload);
    } catch (error) {
      this.render(upload, { ...upload.last, reason: `status unavailable: ${error.message}` });
    }
  }

  async follow(upload) {
    for (;;) {
      const status = await this.api.get(`/v1/documents/${encodeURIComponent(upload.documentId)}`);
      this.render(upload, status);
      if (isFinalStage(status.stage)) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  addRow(fileName) {
    const row = h('tr', { 'data-file': fileName });
    this.rows.append(row);
    this.table.hidden = false;
    return row;
  }

  render(upload, status) {
    upload.stage = status.stage;
    upload.last = status;
    const name = upload.documentId
      ? h('a', { href: documentHref(upload.documentId) }, upload.file)
      : upload.file;
    replace(
      upload.row,
      h('td', { class: 'file', 'data-label': 'File' }, name),
      h('td', { class: 'stage-cell', 'data-label': 'Stage' }, stageBadge(status.stage)),
      h('td', { class: 'chunks num', 'data-label': 'Chunks' }, formatCount(status.chunks)),
      h('td', { class: 'entities num', 'data-label': 'Entities' }, formatCount(status.entities)),
      h('td', { class: 'reason', 'data-label': 'Reason' }, status.reason ?? ''),
    );
    upload.row.dataset.stage = status.stage;
    if (upload.documentId) upload.row.dataset.documentId = upload.documentId;
    this.summarize();
  }

  summarize() {
    const count = (stage) => this.uploads.filter((u) => u.stage === stage).length;
    const done = count('completed');
    const failed = count('failed');
    const working = this.uploads.length - done - failed;
    this.summary.textContent =
      `${this.uploads.length} upload${this.uploads.length === 1 ? '' : 's'}: ` +
      `${done} completed, ${failed} failed, ${working} in progress`;
  }

  focusTitle() {
    this.title.focus();
  }
}
