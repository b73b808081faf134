// Runs anywhere: the permissions an embedded iframe may ask for through its `allow` attribute.

/**
 * What video and slide embeds need, and nothing that reaches the reader's devices or data: no camera,
 * microphone, geolocation, display capture, motion sensors, USB, serial, HID, payment or clipboard reading.
 */
const IFRAME_FEATURES: readonly string[] = ['autoplay', 'clipboard-write', 'encrypted-media', 'fullscreen', 'picture-in-picture', 'web-share'];

/**
 * The allowed features of a Permissions Policy directive list (`camera *; fullscreen 'self'`), each without
 * its origin list so it applies to the embed's own origin only; undefined when none is left.
 */
export function filterIframeAllow(allow: string): string | undefined {
  const features = allow
    .split(/[;,]/)
    .map((directive) => directive.trim().split(/\s+/)[0]?.toLowerCase() ?? '')
    .filter((feature, i, all) => IFRAME_FEATURES.includes(feature) && all.indexOf(feature) === i);
  return features.length > 0 ? features.join('; ') : undefined;
}
