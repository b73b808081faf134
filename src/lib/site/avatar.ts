// Runs anywhere: initials avatars, so the site shows people without requesting any image.

/** Up to two letters: first and last word of the name ("Ada King Lovelace" → "AL"); "?" when there are none. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._-]+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '';
  const last = words.length > 1 ? ([...words.at(-1)!][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A hue (0–359) from the email, stable across builds, so one person keeps one colour everywhere. */
export function avatarHue(email: string): number {
  // FNV-1a: small, deterministic and well spread for short strings.
  let hash = 0x811c9dc5;
  for (const char of email.toLowerCase()) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}
