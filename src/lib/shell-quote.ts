// Runs anywhere: a word for a POSIX shell command line that the shell reads back as exactly that word, never as code.

/** Plain words stay as they are; anything else is single-quoted, with each `'` written as `'\''`. */
export const shellQuote = (word: string): string => (/^[\w./@-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);
