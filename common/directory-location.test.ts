import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseCoordinatePair } from './directory.ts';

describe('typed coordinates', () => {
  it('reads a coordinate with a dot or a comma, and nothing out of range', () => {
    expect(parseCoordinate(' 51.3397 ', 90)).toBe(51.3397);
    expect(parseCoordinate('12,37', 180)).toBe(12.37);
    expect(parseCoordinate('-33.9', 90)).toBe(-33.9);
    expect(parseCoordinate('', 90)).toBeNull();
    expect(parseCoordinate('91', 90)).toBe('invalid');
    expect(parseCoordinate('-180.5', 180)).toBe('invalid');
    expect(parseCoordinate('51°20′', 90)).toBe('invalid');
    expect(parseCoordinate('1e2', 180)).toBe('invalid');
    expect(parseCoordinate('abc', 90)).toBe('invalid');
  });

  it('reads both coordinates pasted as a map shows them', () => {
    expect(parseCoordinatePair('51.3397, 12.3731')).toEqual({ latitude: 51.3397, longitude: 12.3731 });
    expect(parseCoordinatePair('51.3397 12.3731')).toEqual({ latitude: 51.3397, longitude: 12.3731 });
    expect(parseCoordinatePair('-33.9;18.4')).toEqual({ latitude: -33.9, longitude: 18.4 });
    expect(parseCoordinatePair('95, 12')).toBeUndefined();
    expect(parseCoordinatePair('51.3')).toBeUndefined();
  });
});
