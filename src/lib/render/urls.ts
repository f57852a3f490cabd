/** A site-relative path (`mllm/2409.12191/`) under the deployment base (`/` or `/repo/`). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** Where an entry file can be edited on the forge. */
export function editUrl(repoUrl: string, branch: string, file: string): string {
  return `${repoUrl}/edit/${branch}/${file}`;
}
