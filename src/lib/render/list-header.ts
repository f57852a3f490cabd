/** The list's own header (content/about.md) cut into its parts for the home page. */
export interface ListHeader {
  /** The title line's text. */
  title: string;
  /** The prose between the title and the first sub-heading. */
  intro: string;
  /** Each sub-heading with its Markdown body (About Me, the news block…). */
  parts: { heading: string; body: string }[];
}

export function splitListHeader(markdown: string): ListHeader {
  const header: ListHeader = { title: '', intro: '', parts: [] };
  let body: string[] = [];
  const flush = () => {
    const text = body.join('\n').trim();
    const last = header.parts.at(-1);
    if (last) last.body = text;
    else header.intro = text;
    body = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading && heading[1] === '#' && !header.title && !header.parts.length && !body.join('').trim()) {
      header.title = heading[2]!;
    } else if (heading) {
      flush();
      header.parts.push({ heading: heading[2]!, body: '' });
    } else body.push(line);
  }
  flush();
  return header;
}

/** The news block: the part whose heading says it was updated (`🔥 Updated 2024-10-28`), if any. */
export function newsPart(header: ListHeader): ListHeader['parts'][number] | undefined {
  return header.parts.find((part) => /updat|news|🔥/i.test(part.heading));
}
