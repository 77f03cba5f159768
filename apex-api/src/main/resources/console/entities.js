// Entities: find entities by name and type; one entity's documents and the entities mentioned
// with it.

import { h, replace, showError } from './dom.js';
import { withQuery } from './api.js';
import { documentHref, entityHref } from './route.js';

export class EntitiesView {
  constructor(api) {
    this.api = api;
    this.section = document.getElementById('view-entities');
    this.title = document.getElementById('entities-title');
    this.error = this.section.querySelector('.error');
    this.form = document.getElementById('entities-form');
    this.table = document.getElementById('entities-table');
    this.rows = document.getElementById('entities-rows');
    this.empty = document.getElementById('entities-empty');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.load();
    });
  }

  show() {
    this.load();
  }

  async load() {
    showError(this.error, null);
    const data = new FormData(this.form);
    const path = withQuery('/v1/entities', {
      q: String(data.get('q') ?? '').trim(),
      type: String(data.get('type') ?? '').trim(),
      limit: 50,
    });
    this.table.setAttribute('aria-busy', 'true');
    try {
      const answer = await this.api.get(path);
      replace(
        this.rows,
        answer.entities.map((entity) =>
          h(
            'tr',
            { 'data-entity-id': entity.entity_id },
            h(
              'td',
              { 'data-label': 'Name' },
              h('a', { href: entityHref(entity.entity_id) }, entity.name),
            ),
            h('td', { 'data-label': 'Type' }, entity.type ?? '–'),
            h('td', { class: 'num', 'data-label': 'Mentions' }, String(entity.mentions ?? '–')),
            h('td', { class: 'num', 'data-label': 'Documents' }, String(entity.documents ?? '–')),
          ),
        ),
      );
      this.empty.hidden = answer.entities.length > 0;
      this.offerTypes(answer.entities);
    } catch (error) {
      showError(this.error, error);
    } finally {
      this.table.removeAttribute('aria-busy');
    }
  }

  /** The types seen so far, offered as the type field's suggestions. */
  offerTypes(entities) {
    const list = document.getElementById('entity-types');
    const known = new Set(Array.from(list.options, (option) => option.value));
    for (const entity of entities) {
      if (entity.type && !known.has(entity.type)) {
        known.add(entity.type);
        list.append(h('option', { value: entity.type }));
      }
    }
  }

  focusTitle() {
    this.title.focus();
  }
}

export class EntityView {
  constructor(api) {
    this.api = api;
    this.section = document.getElementById('view-entity');
    this.title = document.getElementById('entity-title');
    this.error = this.section.querySelector('.error');
    this.facts = document.getElementById('entity-facts');
    this.documents = document.getElementById('entity-documents');
    this.related = document.getElementById('entity-related');
    this.generation = 0;
  }

  async show(route) {
    const generation = ++this.generation;
    showError(this.error, null);
    this.title.textContent = route.id;
    this.facts.textContent = '';
    this.documents.replaceChildren();
    this.related.replaceChildren();
    try {
      const entity = await this.api.get(`/v1/entities/${encodeURIComponent(route.id)}`);
      if (generation !== this.generation) return;
      this.title.textContent = entity.name;
      this.facts.textContent = `${entity.type ?? 'entity'} · ${entity.mentions ?? 0} mentions`;
      const none = (text) => h('li', { class: 'summary' }, text);
      replace(
        this.documents,
        entity.documents.length === 0
          ? none('No document mentions it.')
          : entity.documents.map((doc) =>
              h(
                'li',
                {},
                h('a', { href: documentHref(doc.document_id) }, doc.file_name || doc.document_id),
                h('span', { class: 'meta' }, ` · ${doc.mentions} mention${doc.mentions === 1 ? '' : 's'}`),
              ),
            ),
      );
      replace(
        this.related,
        entity.related.length === 0
          ? none('No other entity is mentioned with it.')
          : entity.related.map((other) =>
              h(
                'li',
                {},
                h('a', { href: entityHref(other.entity_id) }, other.name),
                h('span', { class: 'meta' }, ` · ${other.type ?? ''} · together ${other.together}×`),
              ),
            ),
      );
    } catch (error) {
      if (generation === this.generation) showError(this.error, error);
    }
  }

  focusTitle() {
    this.title.focus();
  }
}
