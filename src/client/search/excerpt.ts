/**
 * Pagefind's excerpt is a window of the indexed page text, which reads `Title. Note. 2409.12191
 * #tag …`: so it may start inside the title (repeating what the result already shows) or with
 * the ". " after it, and end in the arXiv id and tag pills. This keeps the note part, `<mark>`s
 * intact.
 */
export function cleanExcerpt(excerpt: string, title: string): string {
  // The excerpt as text, and for each character whether it sits inside a <mark>.
  const chars: { char: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>' || part === '</mark>') marked = part === '<mark>';
    else for (const char of part) chars.push({ char, marked });
  }
  let text = chars.map((c) => c.char).join('');
  let start = 0;
  // A suffix of the title at the start (the whole title, or from where the window began).
  const cleanTitle = title.trim();
  for (let from = 0; from < cleanTitle.length; from++) {
    const rest = cleanTitle.slice(from);
    if (rest.length >= 2 && text.startsWith(rest)) {
      start = rest.length;
      break;
    }
  }
  start += /^[\s.。:：,，;；·-]*/u.exec(text.slice(start))![0].length;
  // The arXiv id and the tag pills come after the note: cut there.
  const tail = /[\s.。]*(?:\b\d{4}\.\d{4,5}(?:v\d+)?\b|\b[a-z-]+\/\d{7}\b|(?:^|\s)#\S)/u.exec(text.slice(start));
  const end = tail ? start + tail.index : text.length;
  text = '';
  let open = false;
  for (const { char, marked: isMarked } of chars.slice(start, end)) {
    if (isMarked !== open) text += isMarked ? '<mark>' : '</mark>';
    open = isMarked;
    text += char;
  }
  if (open) text += '</mark>';
  return text.replace(/[\s.。]+$/u, '').trim();
}
