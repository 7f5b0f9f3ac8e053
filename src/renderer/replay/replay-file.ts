// "Open replay…": a .skyreplay picked from disk goes to the host as base64 (replay act
// 'open'); the host decodes and checks it and answers with what is wrong, if anything.
import type { Reply } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import { MAX_REPLAY_BASE64_CHARS } from '../../shared/validate-acts';
import { h, showReply } from '../dom';

/** A file's bytes as base64, in chunks (String.fromCharCode on a whole file overflows the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export async function openReplayFile(requests: Bridge, file: File): Promise<Reply> {
  if (!/\.skyreplay$/i.test(file.name))
    return { ok: false, error: { code: 'wrong-type', field: 'file', message: `"${file.name}" is not a .skyreplay file; export one from the instructor console or with npm run replay.` } };
  const dataBase64 = await fileToBase64(file);
  if (dataBase64.length > MAX_REPLAY_BASE64_CHARS)
    return { ok: false, error: { code: 'out-of-range', field: 'file', message: `"${file.name}" is ${(file.size / 1e6).toFixed(1)} MB; replays this host can open are at most ${((MAX_REPLAY_BASE64_CHARS * 3) / 4 / 1e6).toFixed(1)} MB.` } };
  return requests.replay({ act: 'open', fileName: file.name, dataBase64 });
}

/**
 * A button that opens a file picker and then the replay; refusals show in `error`.
 * `inputId` is the file input's id (tests set files on it directly).
 */
export function replayOpener(requests: Bridge, inputId: string, label = 'Open replay…'): { root: HTMLElement; error: HTMLElement } {
  const input = h('input', { type: 'file', id: inputId, accept: '.skyreplay', class: 'visually-hidden', 'aria-label': label, tabindex: -1 });
  const button = h('button', { class: 'quiet', id: `${inputId}-button`, type: 'button' }, label);
  const error = h('p', { class: 'field-error', id: `${inputId}-error` });
  const status = h('span', { class: 'opener-status', id: `${inputId}-status` });
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    error.textContent = '';
    status.textContent = `reading ${file.name}…`;
    button.disabled = true;
    try {
      const reply = await openReplayFile(requests, file);
      showReply(error, reply);
      status.textContent = reply.ok ? `opened ${file.name}` : '';
    } finally {
      button.disabled = false;
      input.value = ''; // the same file can be picked again after fixing it
    }
  });
  return { root: h('div', { class: 'replay-opener' }, input, button, status, error), error };
}
