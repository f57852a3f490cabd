/** The one function used of citation-js's name parser (the package ships no types). */
declare module '@citation-js/name' {
  export function parse(name: string): { given?: string; family?: string; 'non-dropping-particle'?: string; suffix?: string };
}
