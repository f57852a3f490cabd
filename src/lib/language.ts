/** A Chinese (Han) character: what makes list text Chinese. */
export const HAN = /\p{Script=Han}/u;

/** The BCP 47 tag for a piece of list text: notes are mostly Chinese, titles mostly English. */
export function languageOf(text: string): 'zh-Hans' | 'en' {
  return HAN.test(text) ? 'zh-Hans' : 'en';
}
