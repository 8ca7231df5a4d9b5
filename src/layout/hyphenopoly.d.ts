// The part of hyphenopoly 6 (MIT, ships no types) that layout/hyphenate.ts uses.
declare module 'hyphenopoly' {
  interface HyphenopolyConfig {
    readonly require: readonly string[];
    readonly hyphen: string;
    readonly sync: true;
    readonly loaderSync: (file: string, patternsDir: URL) => Uint8Array;
    readonly minWordLength?: number;
    readonly leftmin?: number;
    readonly rightmin?: number;
    readonly compound?: 'all' | 'auto' | 'hyphen';
    readonly mixedCase?: boolean;
    readonly orphanControl?: 1 | 2 | 3;
    readonly normalize?: boolean;
  }
  const hyphenopoly: {
    config(c: HyphenopolyConfig): Map<string, (text: string) => string>;
  };
  export default hyphenopoly;
}
