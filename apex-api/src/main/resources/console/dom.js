// Builds elements from text nodes and attributes only: server text never goes through innerHTML.

/**
 * h('a', {href: '#/x', class: 'link'}, 'text', child) -> <a ...>. Attributes named on* that hold a
 * function become event listeners; null, undefined and false attributes are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name in element && typeof value !== 'string' && name !== 'list') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends strings as text nodes and elements as they are; arrays are flattened. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of an element. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Shows an API error (its problem+json detail) in a view's alert line, or clears it. */
export function showError(line, error) {
  if (!error) {
    line.hidden = true;
    line.textContent = '';
    return;
  }
  line.textContent = error.message || String(error);
  line.hidden = false;
}
