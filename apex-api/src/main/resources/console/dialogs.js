// The two modal questions: the API key and "delete this?". Native <dialog>: focus is trapped and
// Escape cancels without any code of ours.

function answer(dialog) {
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
  });
}

/** Asks for the API key; resolves to the key, '' when the person chose to forget it, or null. */
export async function askForKey(reason, hasKey = false) {
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  const why = document.getElementById('key-dialog-reason');
  document.getElementById('key-forget').hidden = !hasKey;
  if (dialog.open) return answer(dialog).then(() => input.value || null);
  why.textContent = reason
    ? `The API answered: ${reason}. The key is kept for this browser tab only.`
    : 'The key is kept for this browser tab only.';
  input.value = '';
  dialog.returnValue = 'cancel';
  dialog.showModal();
  const choice = await answer(dialog);
  if (choice === 'forget') return '';
  return choice === 'save' && input.value.trim() ? input.value.trim() : null;
}

/** Resolves to true when the person confirms. */
export async function confirmAction(title, message, action) {
  const dialog = document.getElementById('confirm-dialog');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-message').textContent = message;
  document.getElementById('confirm-yes').textContent = action;
  dialog.returnValue = 'cancel';
  dialog.showModal();
  return (await answer(dialog)) === 'confirm';
}
