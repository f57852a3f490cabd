/**
 * Site-wide settings. Where the site lives comes from ONE setting, the GitHub repository that holds
 * the list (`owner/name`): `SITE_REPOSITORY`, else `GITHUB_REPOSITORY` (set in every GitHub
 * Actions run, so a fork's build points at the fork), else the list's own repository. From it:
 * "Edit this entry" and "Suggest a paper" (https://github.com/owner/name/…), and the site's
 * origin for canonical, Open Graph, sitemap and RSS URLs (https://owner.github.io). `SITE_URL`
 * overrides the origin (a custom domain); `BASE_PATH` (the deploy workflow sets it) the path.
 */
export const DEFAULT_REPOSITORY = 'yfzhang114/Awesome-Multimodal-Large-Language-Models';

export interface Location {
  /** `owner/name`. */
  repository: string;
  repoUrl: string;
  repoBranch: string;
  /** The origin the site is served from, e.g. `https://yfzhang114.github.io`. */
  siteUrl: string;
}

export function siteLocation(env: NodeJS.ProcessEnv = process.env): Location {
  const repository = (env.SITE_REPOSITORY || env.GITHUB_REPOSITORY || DEFAULT_REPOSITORY).replace(/^\/+|\/+$/g, '');
  const owner = repository.split('/')[0]!.toLowerCase();
  return {
    repository,
    repoUrl: `https://github.com/${repository}`,
    repoBranch: env.REPO_BRANCH || 'main',
    siteUrl: (env.SITE_URL || `https://${owner}.github.io`).replace(/\/$/, ''),
  };
}

const location = siteLocation();

export const SITE = {
  title: 'Awesome Multimodal Large Language Models',
  shortTitle: 'Awesome MLLM',
  description:
    'A curated, searchable reading list of multimodal large language models, unified understanding and generation, benchmarks and preference alignment, each paper with a short reading note.',
  /** Where the content lives, for "Edit this entry" and "Suggest a paper". */
  repoUrl: location.repoUrl,
  repoBranch: location.repoBranch,
  /** The list's author, whose reading notes most entries link to. */
  author: { name: 'yfzhang114', url: 'https://yfzhang114.github.io/' },
} as const;
