// The permissions an allowlisted iframe keeps from its allow attribute.
import { describe, expect, it } from 'vitest';
import { filterIframeAllow } from '../../src/lib/markdown/iframe-allow.ts';

describe('filterIframeAllow', () => {
  it("keeps what video embeds need, YouTube's own embed code included, without origin lists", () => {
    expect(filterIframeAllow('accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share')).toBe(
      'autoplay; clipboard-write; encrypted-media; picture-in-picture; web-share',
    );
    expect(filterIframeAllow("fullscreen *; autoplay 'self' https://evil.example; FULLSCREEN")).toBe('fullscreen; autoplay');
  });

  it.each(['camera', 'microphone *', 'geolocation', 'display-capture', 'usb', 'serial', 'hid', 'payment', 'clipboard-read', 'camera; microphone; geolocation'])(
    'gives nothing for %j',
    (allow) => {
      expect(filterIframeAllow(allow)).toBeUndefined();
    },
  );
});
