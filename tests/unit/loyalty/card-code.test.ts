import { describe, expect, it } from 'vitest';
import { bytesToCardChars, CARD_CODE_ALPHABET, formatCardCode, normaliseCardCode } from '@/lib/loyalty/card-code';

// The member card's short code as an associate types it at the counter.
describe('the card code', () => {
  it('reads a code typed in any case, with spaces or dashes, and letters mistaken for digits', () => {
    expect(normaliseCardCode('k7qm-2xpd-9fab')).toBe('K7QM2XPD9FAB');
    expect(normaliseCardCode(' K7QM 2XPD 9FAB ')).toBe('K7QM2XPD9FAB');
    expect(normaliseCardCode('O7QM-IXPD-LFAB')).toBe('07QM1XPD1FAB');
  });

  it('is not a code when too short or long, or with characters outside the alphabet', () => {
    expect(normaliseCardCode('K7QM-2XPD-9FA')).toBeNull();
    expect(normaliseCardCode('K7QM-2XPD-9FABC')).toBeNull();
    expect(normaliseCardCode('K7QM-2XPD-9FAU')).toBeNull();
    expect(normaliseCardCode('NWR1-cm3account-abc.signature')).toBeNull();
  });

  it('is shown in groups of four', () => {
    expect(formatCardCode('K7QM2XPD9FAB')).toBe('K7QM-2XPD-9FAB');
  });

  it('turns bytes into alphabet characters, every character reachable', () => {
    const all = bytesToCardChars(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(new Set(all)).toEqual(new Set(CARD_CODE_ALPHABET));
    expect(all).toHaveLength(256);
  });
});
