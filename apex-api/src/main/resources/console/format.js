// Pure formatting helpers, shared by the views (and checked in the browser test).

export const STAGES = [
  'pending',
  'staging',
  'parsing',
  'parsed',
  'extracting_entities',
  'entities_extracted',
  'generating_embeddings',
  'embeddings_generated',
  'writing',
  'completed',
  'failed',
  'deleting',
  'deleted',
];

/** Stages after which a document's status no longer changes by itself. */
export function isFinalStage(stage) {
  return stage === 'completed' || stage === 'failed' || stage === 'deleted';
}

/** The CSS class of a stage badge: done, failed, gone or working. */
export function stageTone(stage) {
  if (stage === 'completed') return 'done';
  if (stage === 'failed') return 'failed';
  if (stage === 'deleting' || stage === 'deleted') return 'gone';
  return 'working';
}

/** "extracting_entities" -> "extracting entities". */
export function stageLabel(stage) {
  return stage ? String(stage).replaceAll('_', ' ') : 'unknown';
}

/** 1536 -> "1.5 KiB"; null -> "–". */
export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || Number.isNaN(Number(bytes))) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** An ISO-8601 instant in the reader's local time, or "–". */
export function formatTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}

/** A score with three decimals. */
export function formatScore(score) {
  return typeof score === 'number' ? score.toFixed(3) : '–';
}

/** A count, or "–" while it is not known. */
export function formatCount(count) {
  return count === null || count === undefined ? '–' : String(count);
}
