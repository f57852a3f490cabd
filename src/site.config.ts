/** Site-wide settings; environment variables override them for forks and deployments. */
export const SITE = {
  title: 'Awesome Multimodal Large Language Models',
  shortTitle: 'Awesome MLLM',
  description:
    'A curated, searchable reading list of multimodal large language models, unified understanding and generation, benchmarks and preference alignment, each paper with a short reading note.',
  /** Where the content lives, for "Edit this entry" and "Suggest a paper". */
  repoUrl: (process.env.REPO_URL ?? 'https://github.com/yfzhang114/Awesome-Multimodal-Large-Language-Models').replace(/\/$/, ''),
  repoBranch: process.env.REPO_BRANCH ?? 'main',
  /** The list's author, whose reading notes most entries link to. */
  author: { name: 'yfzhang114', url: 'https://yfzhang114.github.io/' },
} as const;
