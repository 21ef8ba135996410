// Categories, colours and size runs of the Northwind Supply demo catalog.

export const colours = {
  Navy: '1f3a5f',
  Black: '1c1c1c',
  Olive: '5b6b3a',
  Sand: 'c8b48a',
  Rust: 'b5532b',
  Forest: '2f5d46',
  Charcoal: '3d4148',
  Oatmeal: 'd9cdb4',
  Ecru: 'efe8d8',
  Sky: '8fb3d9',
  Burgundy: '6e2639',
  Mustard: 'd1a23a',
  Stone: 'a89f91',
  Slate: '5b6770',
  Clay: 'b9785a',
  Indigo: '2c3e73',
  White: 'f7f7f5',
  'Heather Grey': '9a9a9a',
  Sage: '9caf88',
  Tan: 'a8703f',
  Brown: '5a3b28',
  Terracotta: 'c0603e',
} as const;

export type ColourName = keyof typeof colours;

export const sizeRuns = {
  apparel: ['XS', 'S', 'M', 'L', 'XL'],
  waist: ['28', '30', '32', '34', '36'],
  shoes: ['5', '6', '7', '8', '9', '10', '11'],
  gloves: ['S', 'M', 'L'],
  belts: ['S', 'M', 'L', 'XL'],
  socks: ['4-7', '8-11'],
  oneSize: ['One size'],
  none: [],
} as const;

export type SizeRun = keyof typeof sizeRuns;

export interface CategoryDef {
  slug: string;
  name: string;
  code: string;
  description: string;
  // Second and third sentences of product descriptions, chosen per product.
  materials: string[];
  care: string[];
}

export const categoryDefs: CategoryDef[] = [
  {
    slug: 'jackets',
    name: 'Jackets',
    code: 'JKT',
    description: 'Shells, waxed cottons and insulated layers for a city that rains sideways.',
    materials: [
      'The face fabric is made from recycled nylon with a PFC-free water-repellent finish.',
      'It is cut from densely woven organic cotton that softens and patinas with wear.',
      'Lightweight recycled insulation keeps you warm even when it gets damp.',
    ],
    care: [
      'Cut with room for a jumper underneath; take your usual size.',
      'Two-way zip, storm flap and hand-warmer pockets with zipped closures.',
      'Reproof once a season and it will see you through years of commutes.',
    ],
  },
  {
    slug: 'knitwear',
    name: 'Knitwear',
    code: 'KNT',
    description: 'Wool, cotton and alpaca knits, made by mills that have done it for generations.',
    materials: [
      'Knitted in Scotland from undyed-feel wool with a soft, lofty handle.',
      'Spun from responsibly sourced merino that regulates temperature on the move.',
      'Made from a cotton and recycled-wool blend that keeps its shape wash after wash.',
    ],
    care: [
      'A relaxed fit with a dropped shoulder; size down for a neater look.',
      'Hand wash cool or use the wool cycle, then dry flat.',
      'Ribbed cuffs and hem keep the draughts out on the platform.',
    ],
  },
  {
    slug: 'shirts-and-tops',
    name: 'Shirts & Tops',
    code: 'SHT',
    description: 'Everyday shirts, tees and sweats in fabrics that get better with every wash.',
    materials: [
      'Woven from long-staple organic cotton in Portugal.',
      'Made from a heavyweight jersey that holds its shape all day.',
      'The yarn-dyed cloth is garment washed for a lived-in feel from day one.',
    ],
    care: [
      'True to size with a straight hem that works tucked or untucked.',
      'Machine wash at 30 degrees and line dry to keep the colour rich.',
      'Reinforced seams and horn-effect buttons where it counts.',
    ],
  },
  {
    slug: 'trousers',
    name: 'Trousers',
    code: 'TRS',
    description: 'Jeans, chinos and walking trousers cut to move, sized by waist.',
    materials: [
      'Made from a sturdy cotton twill with a touch of stretch for freedom of movement.',
      'Cut from selvedge denim woven on traditional shuttle looms.',
      'The ripstop fabric is light, quick drying and tough on the trail.',
    ],
    care: [
      'Sized by waist with a regular 32 inch leg that can be taken up in store for free.',
      'Mid rise with a tapered leg that sits neatly over boots.',
      'Wash inside out and cold to keep the colour deep.',
    ],
  },
  {
    slug: 'footwear',
    name: 'Footwear',
    code: 'FTW',
    description: 'Boots, trainers and slippers built on comfortable lasts, in UK sizes 5 to 11.',
    materials: [
      'The upper is full-grain leather from a tannery rated gold by the Leather Working Group.',
      'A recycled rubber sole gives reliable grip on wet pavements.',
      'Built on a roomy last with a cushioned, removable footbed.',
    ],
    care: [
      'Fits true to UK sizing; half sizes should size up.',
      'Resoleable, so they can be repaired rather than replaced.',
      'Treat with wax balm a few times a year to keep the leather supple.',
    ],
  },
  {
    slug: 'bags-and-accessories',
    name: 'Bags & Accessories',
    code: 'ACC',
    description: 'Bags, hats, scarves, gloves and belts to finish the outfit.',
    materials: [
      'Made from waxed canvas and vegetable-tanned leather trims.',
      'Knitted from soft merino that does not itch.',
      'The fabric is recycled and the hardware is solid brass.',
    ],
    care: ['Spot clean with a damp cloth.', 'Backed by our five-year repair promise.', 'Packs flat, so it travels well.'],
  },
  {
    slug: 'home',
    // Not "Home": that is the breadcrumb and the home page. The slug stays, so links to /c/home keep working.
    name: 'Homeware',
    code: 'HOM',
    description: 'Stoneware, linens and woollens for the kettle, the table and the sofa.',
    materials: [
      'Thrown in Stoke-on-Trent from stoneware with a reactive glaze, so no two are quite alike.',
      'Woven from stonewashed European linen that gets softer with every wash.',
      'Woven in a Welsh mill from pure new wool.',
    ],
    care: [
      'Dishwasher and microwave safe.',
      'Machine wash at 40 degrees and tumble dry low.',
      'Makes a thoughtful gift; arrives in recycled packaging.',
    ],
  },
];
