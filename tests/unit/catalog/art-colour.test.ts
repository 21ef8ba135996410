import { describe, expect, it } from 'vitest';
import { artKindOf, cardInColour, imagesInColour } from '@/lib/catalog/art-colour';

// Pictures in any colour, derived from the illustration's URL (issue 19 item 2).
const front = { url: '/media/product/knit/efe8d8/1.svg', alt: 'Jumper in ecru, front', color: 'Ecru' };
const navy = { name: 'Navy', hex: '#1F3A5F' };

describe('art-colour', () => {
  it('reads the kind of an illustration, and nothing from other URLs', () => {
    expect(artKindOf(front.url)).toBe('knit');
    expect(artKindOf('https://cdn.example/photo.jpg')).toBeNull();
    expect(artKindOf('data:image/svg+xml,<svg/>')).toBeNull();
  });

  it('draws a product page gallery in the chosen colour: front, close-up, back', () => {
    expect(imagesInColour('Jumper', [front], navy)).toEqual([
      { url: '/media/product/knit/1f3a5f/1.svg', alt: 'Jumper in navy, front', color: 'Navy' },
      { url: '/media/product/knit/1f3a5f/3.svg', alt: 'Jumper in navy, close-up', color: 'Navy' },
      { url: '/media/product/knit/1f3a5f/2.svg', alt: 'Jumper in navy, back', color: 'Navy' },
    ]);
  });

  it('keeps photos taken in the colour, else all of them', () => {
    const photos = [
      { url: '/p/a.jpg', alt: 'a', color: 'Navy' },
      { url: '/p/b.jpg', alt: 'b', color: 'Ecru' },
    ];
    expect(imagesInColour('Jumper', photos, navy)).toEqual([photos[0]]);
    expect(imagesInColour('Jumper', photos, { name: 'Forest', hex: '#2f5d46' })).toEqual(photos);
  });

  it('shows a card in the first wanted colour it comes in', () => {
    const card = { name: 'Jumper', image: front, colors: [{ name: 'Ecru', hex: '#efe8d8' }, navy] };
    expect(cardInColour(card, ['navy']).image).toEqual({
      url: '/media/product/knit/1f3a5f/1.svg',
      alt: 'Jumper in navy, front',
      color: 'Navy',
    });
    expect(cardInColour(card, ['Forest'])).toBe(card);
  });
});
