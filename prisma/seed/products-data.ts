// The hand-written part of the demo catalog: names, opening lines, prices (pence) and colours.
import type { ProductArtKind } from '../../lib/catalog/product-art';
import type { ColourName, SizeRun } from './categories';

export interface ProductDef {
  name: string;
  category: string;
  kind: ProductArtKind;
  price: number;
  colours: ColourName[];
  sizes: SizeRun;
  tags: string[];
  hook: string;
  detail?: string;
}

type Row = [name: string, kind: ProductArtKind, price: number, colours: ColourName[], tags: string[], hook: string, detail?: string];

function group(category: string, sizes: SizeRun, rows: Row[], sizesFor?: Partial<Record<ProductArtKind, SizeRun>>): ProductDef[] {
  return rows.map(([name, kind, price, colourList, tags, hook, detail]) => ({
    name, category, kind, price, colours: colourList, sizes: sizesFor?.[kind] ?? sizes, tags, hook, detail,
  }));
}

export const productDefs: ProductDef[] = [
  ...group('jackets', 'apparel', [
    ['Storm Shell Jacket', 'jacket', 14900, ['Navy', 'Black', 'Rust'], ['waterproof', 'hooded', 'packable', 'outdoor'], 'A fully taped three-layer shell built for sideways rain on the Thames path.'],
    ['Thames Waxed Jacket', 'jacket', 18900, ['Olive', 'Navy', 'Brown'], ['waxed cotton', 'heritage', 'outdoor'], 'Our waxed cotton jacket with a cord collar and a tartan lining, made to be lived in.'],
    ['Hampstead Quilted Jacket', 'jacket', 12900, ['Navy', 'Olive', 'Black'], ['quilted', 'lightweight', 'layering'], 'A diamond-quilted jacket that layers under a shell or over a knit.'],
    ['Borough Chore Coat', 'jacket', 9900, ['Indigo', 'Sand', 'Black', 'Olive'], ['workwear', 'canvas', 'pockets'], 'A boxy four-pocket chore coat in heavy cotton canvas, inspired by French workwear.'],
    ['Parkland Down Parka', 'jacket', 18900, ['Black', 'Forest', 'Navy'], ['down', 'winter', 'hooded', 'warm'], 'A thigh-length parka filled with responsibly sourced down for the coldest mornings.'],
    ['Commuter Rain Mac', 'jacket', 11900, ['Stone', 'Navy', 'Black'], ['waterproof', 'commuter', 'smart'], 'A clean, knee-skimming mac that keeps the rain off your suit and your bike ride.'],
    ['Kestrel Fleece Jacket', 'jacket', 6900, ['Oatmeal', 'Forest', 'Charcoal'], ['fleece', 'recycled', 'layering', 'outdoor'], 'A cosy high-pile fleece made from recycled bottles, with a stand collar.'],
    ['Bankside Harrington', 'jacket', 8900, ['Navy', 'Sand', 'Burgundy'], ['heritage', 'lightweight', 'spring'], 'The classic Harrington with a check lining and a two-button collar.'],
    ['Ridgeway Insulated Gilet', 'jacket', 7900, ['Olive', 'Navy', 'Rust'], ['gilet', 'insulated', 'layering'], 'A light insulated gilet that keeps your core warm without bulk under a coat.'],
    ['Marsh Field Jacket', 'jacket', 13900, ['Olive', 'Sand'], ['field jacket', 'pockets', 'outdoor'], 'A four-pocket field jacket with a hidden hood in the collar.'],
    ['Towpath Windbreaker', 'jacket', 7900, ['Mustard', 'Navy', 'Sage'], ['windproof', 'packable', 'running'], 'A feather-light windbreaker that packs into its own chest pocket.'],
    ['Heath Wool Overcoat', 'jacket', 17900, ['Charcoal', 'Oatmeal', 'Navy'], ['wool', 'smart', 'winter'], 'A single-breasted overcoat in a dense wool blend that sits well over tailoring.'],
    ['Docklands Softshell', 'jacket', 9900, ['Black', 'Slate'], ['softshell', 'stretch', 'commuter'], 'A stretchy, breathable softshell for cycling to work and walking the dog.'],
    ['Fenland Packable Down Jacket', 'jacket', 11900, ['Navy', 'Black', 'Terracotta', 'Sage'], ['down', 'packable', 'travel'], 'A featherweight down jacket that squashes into a pouch the size of a water bottle.'],
  ]),
  ...group('knitwear', 'apparel', [
    ['Fisherman Rib Jumper', 'knit', 8900, ['Ecru', 'Navy', 'Forest'], ['wool', 'chunky', 'heritage'], 'A heavyweight rib jumper in the tradition of British fishing fleets.'],
    ['Shetland Crew Neck', 'knit', 7900, ['Oatmeal', 'Navy', 'Burgundy', 'Forest'], ['wool', 'crew neck', 'classic'], 'The brushed Shetland crew that every wardrobe needs, in heathered shades.'],
    ['Merino Roll Neck', 'knit', 8500, ['Black', 'Charcoal', 'Oatmeal'], ['merino', 'roll neck', 'smart'], 'A fine-gauge merino roll neck that works under a blazer or on its own.'],
    ['Lambswool V-Neck', 'knit', 6900, ['Navy', 'Heather Grey', 'Burgundy'], ['lambswool', 'v-neck', 'classic'], 'A soft lambswool V-neck to layer over shirts from October to April.'],
    ['Cable Knit Cardigan', 'knit', 9900, ['Ecru', 'Navy', 'Mustard'], ['cardigan', 'cable knit', 'wool'], 'A generous cable-knit cardigan with leather-look buttons and patch pockets.'],
    ['Brushed Alpaca Crew', 'knit', 11900, ['Oatmeal', 'Sage', 'Rust'], ['alpaca', 'soft', 'crew neck'], 'A cloud-soft brushed alpaca crew that is warmer than it looks.'],
    ['Breton Cotton Jumper', 'knit', 6500, ['Navy', 'Ecru'], ['cotton', 'stripe', 'spring'], 'A sturdy cotton jumper with a boat neck and a nod to Breton stripes.'],
    ['Donegal Half-Zip', 'knit', 9500, ['Oatmeal', 'Charcoal', 'Forest'], ['wool', 'half-zip', 'flecked'], 'A flecked Donegal wool half-zip with a high collar for blustery days.'],
    ['Shawl Collar Cardigan', 'knit', 10900, ['Charcoal', 'Oatmeal'], ['cardigan', 'chunky', 'wool'], 'A chunky shawl-collar cardigan that feels like wearing a blanket.'],
    ['Merino Zip Hoodie', 'knit', 9900, ['Black', 'Navy', 'Heather Grey'], ['merino', 'hooded', 'travel'], 'A knitted merino hoodie that looks smart enough for the office.'],
    ['Cashmere Blend Crew', 'knit', 12900, ['Oatmeal', 'Navy', 'Clay'], ['cashmere', 'soft', 'crew neck'], 'A light cashmere and wool crew with a soft, fuzzy finish.'],
    ['Knitted Wool Gilet', 'knit', 6900, ['Oatmeal', 'Olive'], ['gilet', 'wool', 'layering'], 'A sleeveless knitted gilet to layer over a shirt when the heating is on.'],
    ['Boucle Crew Jumper', 'knit', 8900, ['Ecru', 'Terracotta', 'Sage'], ['boucle', 'textured', 'crew neck'], 'A looped boucle crew with a textured surface and a cropped, boxy fit.'],
  ]),
  ...group('shirts-and-tops', 'apparel', [
    ['Oxford Button-Down Shirt', 'shirt', 5500, ['Sky', 'White', 'Navy'], ['oxford', 'cotton', 'smart'], 'A button-down Oxford shirt with a soft collar roll, the backbone of a week of outfits.'],
    ['Heavyweight Pocket Tee', 'tee', 2900, ['White', 'Black', 'Navy', 'Sage'], ['tee', 'cotton', 'essentials'], 'A boxy, heavyweight tee with a chest pocket that will not go see-through.'],
    ['Brushed Flannel Shirt', 'shirt', 5900, ['Burgundy', 'Forest', 'Navy'], ['flannel', 'check', 'winter'], 'A brushed cotton flannel shirt in a tonal check, soft from the first wear.'],
    ['Linen Camp Collar Shirt', 'shirt', 5900, ['Ecru', 'Sage', 'Terracotta'], ['linen', 'summer', 'camp collar'], 'A relaxed camp-collar shirt in breathable linen for long summer evenings.'],
    ['Chambray Work Shirt', 'shirt', 5500, ['Sky', 'Indigo'], ['chambray', 'workwear', 'cotton'], 'A chambray work shirt with twin flap pockets and a slightly faded look.'],
    ['Breton Stripe Top', 'tee', 3900, ['Navy', 'Ecru', 'Rust'], ['stripe', 'long sleeve', 'cotton'], 'A long-sleeve Breton top in thick cotton jersey with a boat neck.'],
    ['Loopback Sweatshirt', 'knit', 4900, ['Heather Grey', 'Navy', 'Sage', 'Oatmeal'], ['sweatshirt', 'loopback', 'essentials'], 'A loopback cotton sweatshirt with a ribbed V insert at the neck.'],
    ['Organic Cotton Crew Tee', 'tee', 2500, ['White', 'Black', 'Heather Grey', 'Navy'], ['tee', 'organic', 'essentials'], 'Our everyday tee in soft organic cotton, cut a little longer in the body.'],
    ['Grandad Collar Shirt', 'shirt', 4900, ['White', 'Sky', 'Stone'], ['collarless', 'cotton', 'summer'], 'A collarless grandad shirt in a crisp poplin for warm days.'],
    ['Corduroy Overshirt', 'shirt', 6900, ['Tan', 'Olive', 'Navy'], ['corduroy', 'overshirt', 'layering'], 'A chunky cord overshirt that works as a shirt or a light jacket.'],
    ['Waffle Henley', 'tee', 3500, ['Oatmeal', 'Charcoal', 'Forest'], ['henley', 'waffle', 'layering'], 'A waffle-knit henley that is the best base layer under flannel.'],
    ['Pique Polo Shirt', 'tee', 3900, ['Navy', 'White', 'Forest'], ['polo', 'cotton', 'summer'], 'A classic piqué polo with a two-button placket and a flat-knit collar.'],
    ['Merino Base Layer Tee', 'tee', 4500, ['Black', 'Slate'], ['merino', 'base layer', 'outdoor'], 'A fine merino tee that stays fresh for days on the trail.'],
    ['Hooded Sweatshirt', 'knit', 5900, ['Heather Grey', 'Black', 'Forest'], ['hoodie', 'loopback', 'essentials'], 'A heavyweight loopback hoodie with a double-layer hood and no drawcords to lose.'],
  ]),
  ...group('trousers', 'waist', [
    ['Selvedge Slim Jeans', 'trousers', 9500, ['Indigo', 'Black'], ['denim', 'selvedge', 'slim'], 'Slim jeans in raw selvedge denim that fade to fit you alone.'],
    ['Relaxed Straight Jeans', 'trousers', 7900, ['Indigo', 'Sky', 'Black'], ['denim', 'relaxed', 'straight'], 'A relaxed straight-leg jean in a rinse wash, easy from the first day.'],
    ['Stretch Chinos', 'trousers', 5900, ['Sand', 'Navy', 'Olive', 'Stone'], ['chinos', 'stretch', 'smart'], 'Clean chinos with a little stretch, smart enough for the office and easy at the weekend.'],
    ['Cord Trousers', 'trousers', 6900, ['Tan', 'Olive', 'Navy'], ['corduroy', 'winter'], 'Eight-wale cord trousers with a relaxed tapered leg.'],
    ['Canvas Carpenter Trousers', 'trousers', 6900, ['Sand', 'Black', 'Brown'], ['workwear', 'canvas', 'pockets'], 'Tough canvas carpenter trousers with a hammer loop and double knees.'],
    ['Wool Pleated Trousers', 'trousers', 9900, ['Charcoal', 'Navy'], ['wool', 'pleated', 'smart'], 'Single-pleat wool trousers with a wide leg that drapes well.'],
    ['Trail Hiking Trousers', 'trousers', 7500, ['Olive', 'Charcoal', 'Sand'], ['hiking', 'stretch', 'outdoor'], 'Lightweight hiking trousers with zipped pockets and a gusseted crotch.'],
    ['Ripstop Cargo Trousers', 'trousers', 6500, ['Olive', 'Black', 'Stone'], ['cargo', 'ripstop', 'pockets'], 'Relaxed cargo trousers in cotton ripstop with bellow pockets.'],
    ['Linen Drawstring Trousers', 'trousers', 5900, ['Ecru', 'Sage', 'Navy'], ['linen', 'summer', 'drawstring'], 'Airy linen trousers with a drawstring waist for hot city days.'],
    ['Tapered Chinos', 'trousers', 5500, ['Navy', 'Stone', 'Black'], ['chinos', 'tapered'], 'A tapered chino that sits neatly over trainers or boots.'],
    ['Weatherproof Walking Trousers', 'trousers', 8900, ['Black', 'Slate'], ['waterproof', 'walking', 'outdoor'], 'Water-resistant walking trousers for muddy weekends in the Chilterns.'],
    ['Moleskin Trousers', 'trousers', 7900, ['Olive', 'Burgundy', 'Tan'], ['moleskin', 'heritage', 'winter'], 'Peached moleskin trousers, as warm and soft as their name suggests.'],
    ['Loopback Joggers', 'trousers', 4900, ['Heather Grey', 'Navy', 'Black'], ['joggers', 'loopback', 'lounge'], 'Tapered loopback joggers that match our sweatshirts.'],
  ], { trousers: 'waist' }),
  ...group('footwear', 'shoes', [
    ['Leather Chelsea Boots', 'boot', 14900, ['Brown', 'Black'], ['boots', 'leather', 'chelsea'], 'Goodyear-welted Chelsea boots with elastic gussets and a commando sole.'],
    ['Suede Desert Boots', 'boot', 9900, ['Sand', 'Brown'], ['boots', 'suede'], 'Two-eyelet desert boots in soft suede on a natural crepe sole.'],
    ['Canvas Low-Top Trainers', 'shoe', 5900, ['White', 'Navy', 'Black'], ['trainers', 'canvas'], 'Vulcanised canvas low-tops, the pair you will reach for all summer.'],
    ['Waterproof Hiking Boots', 'boot', 15900, ['Brown', 'Slate'], ['boots', 'waterproof', 'hiking', 'outdoor'], 'Waterproof hiking boots with a grippy lugged sole for Peak District weekends.'],
    ['Leather Derby Shoes', 'shoe', 12900, ['Black', 'Brown'], ['leather', 'smart', 'derby'], 'Polished leather Derby shoes on a lightweight rubber sole.'],
    ['Retro Runner Trainers', 'shoe', 8900, ['Navy', 'Sage', 'Heather Grey'], ['trainers', 'retro', 'suede'], 'Seventies running-shoe styling in suede and nylon with a cushioned sole.'],
    ['Wool Felt Slippers', 'shoe', 4500, ['Heather Grey', 'Burgundy'], ['slippers', 'wool', 'home'], 'Boiled wool slippers with a suede sole for cold kitchen floors.'],
    ['Trail Running Shoes', 'shoe', 11900, ['Black', 'Rust'], ['running', 'trail', 'outdoor'], 'Grippy trail runners with a rock plate for the North Downs Way.'],
    ['Leather Penny Loafers', 'shoe', 13900, ['Burgundy', 'Black'], ['loafers', 'leather', 'smart'], 'Hand-sewn penny loafers in a rich burgundy leather.'],
    ['Rubber Wellington Boots', 'boot', 6900, ['Forest', 'Navy', 'Black'], ['wellies', 'waterproof', 'festival'], 'Natural rubber wellies with a cushioned insole for festivals and muddy parks.'],
    ['Leather Strap Sandals', 'shoe', 6500, ['Tan', 'Black'], ['sandals', 'leather', 'summer'], 'Two-strap leather sandals with a contoured cork footbed.'],
    ['Chunky Sole Lace-Up Boots', 'boot', 16900, ['Black', 'Brown'], ['boots', 'leather', 'winter'], 'Lace-up leather boots on a chunky lug sole that grips icy pavements.'],
    ['Court Trainers', 'shoe', 7900, ['White', 'Forest'], ['trainers', 'leather', 'minimal'], 'Minimal leather court trainers that go with everything.'],
  ]),
  ...group('bags-and-accessories', 'oneSize', [
    ['Roll-Top Backpack', 'backpack', 8900, ['Black', 'Olive', 'Navy'], ['backpack', 'waterproof', 'commuter'], 'A waterproof roll-top backpack with a padded laptop sleeve.', 'Welded seams keep the rain out and the roll closure expands from 20 to 26 litres. Backed by our five-year repair promise.'],
    ['Canvas Tote Bag', 'bag', 2500, ['Ecru', 'Navy', 'Black'], ['tote', 'canvas', 'gift'], 'A heavyweight canvas tote with an inside pocket for your keys.', 'Strong enough for a full weekly shop. Machine washable.'],
    ['Waxed Weekender Holdall', 'bag', 14900, ['Olive', 'Brown'], ['holdall', 'waxed cotton', 'travel'], 'A waxed canvas weekender that fits in an overhead locker.', 'Leather handles, a detachable shoulder strap and a separate shoe compartment. Backed by our five-year repair promise.'],
    ['Crossbody Sling Bag', 'bag', 4500, ['Black', 'Sand', 'Rust'], ['sling', 'crossbody', 'travel'], 'A compact sling for phone, wallet and keys, worn across the body.', 'Made from recycled nylon with a water-repellent finish. Adjustable strap with a quick-release buckle.'],
    ['Ribbed Merino Beanie', 'beanie', 2900, ['Navy', 'Mustard', 'Forest', 'Charcoal'], ['beanie', 'merino', 'winter', 'gift'], 'A fine-ribbed merino beanie with a turn-up that does not itch.', 'Knitted in Scotland from extra-fine merino. Hand wash cool.'],
    ['Fisherman Beanie', 'beanie', 2500, ['Rust', 'Navy', 'Ecru', 'Black'], ['beanie', 'wool', 'winter'], 'A short, chunky fisherman beanie that sits above the ears.', 'Knitted from soft lambswool. Hand wash cool and dry flat.'],
    ['Lambswool Scarf', 'scarf', 3900, ['Navy', 'Burgundy', 'Forest', 'Oatmeal'], ['scarf', 'lambswool', 'winter', 'gift'], 'A long lambswool scarf with fringed ends, in our house colours.', 'Woven in a Yorkshire mill and brushed for softness. Dry clean or hand wash.'],
    ['Chunky Knit Scarf', 'scarf', 4500, ['Ecru', 'Charcoal', 'Mustard'], ['scarf', 'chunky', 'winter'], 'A chunky rib-knit scarf long enough to wrap twice.', 'Made from a wool and recycled-nylon blend. Hand wash cool.'],
    ['Leather Touchscreen Gloves', 'gloves', 4900, ['Black', 'Brown'], ['gloves', 'leather', 'winter'], 'Soft leather gloves lined with cashmere, with touchscreen fingertips.', 'Check your hand size in our size guide. A classic gift that lasts.'],
    ['Fleece Gloves', 'gloves', 1900, ['Black', 'Navy', 'Olive'], ['gloves', 'fleece', 'outdoor'], 'Light recycled fleece gloves for the school run and the dog walk.', 'Grippy palms and a stretchy cuff. Machine wash at 30 degrees.'],
    ['Leather Belt', 'belt', 3900, ['Brown', 'Black'], ['belt', 'leather'], 'A full-grain leather belt with a solid brass buckle.', 'Vegetable-tanned in England and gets better with age. Sized by waist: S fits 28–30, M 32–34, L 36–38, XL 40–42.'],
    ['Webbing Belt', 'belt', 2500, ['Navy', 'Olive', 'Black'], ['belt', 'webbing', 'outdoor'], 'A tough webbing belt with a quick-release buckle for the trail.', 'Made from recycled polyester webbing. Sized by waist.'],
    ['Six-Panel Cap', 'cap', 2500, ['Navy', 'Sand', 'Forest'], ['cap', 'cotton', 'summer'], 'A washed cotton six-panel cap with an embroidered Northwind mark.', 'Adjustable brass clasp at the back. Spot clean.'],
    ['Wool Hiking Socks 3-Pack', 'socks', 1900, ['Oatmeal', 'Navy', 'Forest'], ['socks', 'wool', 'hiking', 'gift'], 'Cushioned merino-blend hiking socks, three pairs to a pack.', 'Reinforced heel and toe for long days in boots. Machine wash at 40 degrees.'],
    ['Everyday Cotton Socks 5-Pack', 'socks', 1500, ['Heather Grey', 'Navy', 'Black'], ['socks', 'cotton', 'essentials'], 'Soft combed-cotton socks with a comfort-top cuff, five pairs to a pack.', 'Made in Portugal. Machine wash at 40 degrees.'],
  ], { gloves: 'gloves', belt: 'belts', socks: 'socks' }),
  ...group('home', 'none', [
    ['Stoneware Mug', 'mug', 1800, ['Sage', 'Ecru', 'Navy', 'Terracotta'], ['mug', 'stoneware', 'kitchen', 'gift'], 'A generous 350 ml stoneware mug with a reactive glaze.', 'Thrown in Stoke-on-Trent, so no two are quite alike. Dishwasher and microwave safe.'],
    ['Enamel Camp Mug', 'mug', 1400, ['White', 'Navy', 'Forest'], ['mug', 'enamel', 'outdoor', 'camping'], 'A tough enamel mug for camp stoves and garden mornings.', 'Steel core with a rolled rim. Hand wash.'],
    ['Linen Tea Towel', 'towel', 1200, ['Ecru', 'Sage', 'Rust'], ['tea towel', 'linen', 'kitchen', 'gift'], 'A stonewashed linen tea towel that dries glasses without lint.', 'Woven in Lithuania and softer with every wash. Machine wash at 40 degrees.'],
    ['Waffle Tea Towel Set', 'towel', 1600, ['White', 'Navy', 'Sage'], ['tea towel', 'cotton', 'kitchen'], 'Two absorbent waffle-weave cotton tea towels with hanging loops.', 'Organic cotton woven in Portugal. Machine wash at 60 degrees.'],
    ['Wool Throw Blanket', 'blanket', 8900, ['Oatmeal', 'Forest', 'Rust'], ['blanket', 'wool', 'sofa', 'gift'], 'A pure new wool throw in a classic Welsh weave for the end of the sofa.', 'Woven in a Welsh mill. Dry clean or cool hand wash.'],
    ['Waterproof Picnic Blanket', 'blanket', 5900, ['Navy', 'Mustard'], ['blanket', 'picnic', 'outdoor'], 'A checked wool picnic blanket with a waterproof backing and carry strap.', 'Folds into its own strap for Hampstead Heath. Spot clean.'],
    ['Soy Wax Candle', 'candle', 2400, ['Sage', 'Clay', 'Charcoal'], ['candle', 'fragrance', 'gift'], 'A hand-poured soy candle scented with cedar, smoke and bergamot.', 'Burns for around 45 hours in a reusable glass jar. Trim the wick before each use.'],
    ['Insulated Water Bottle', 'bottle', 2900, ['Forest', 'Navy', 'Black', 'Sand'], ['bottle', 'insulated', 'outdoor', 'commuter'], 'A 750 ml double-walled steel bottle that keeps drinks cold for 24 hours.', 'Leak-proof lid that fits cup holders. Hand wash.'],
    ['Vacuum Flask', 'bottle', 3500, ['Forest', 'Rust'], ['flask', 'insulated', 'outdoor', 'camping'], 'A one-litre vacuum flask with a cup lid for long walks and cold terraces.', 'Keeps tea hot for 12 hours. Hand wash.'],
    ['Linen Cushion Cover', 'cushion', 2900, ['Ecru', 'Sage', 'Terracotta', 'Navy'], ['cushion', 'linen', 'sofa'], 'A washed linen cushion cover with a hidden zip, 50 by 50 cm.', 'Stonewashed European linen. Machine wash at 40 degrees; inner not included.'],
    ['Stoneware Serving Bowl', 'mug', 3200, ['Ecru', 'Sage'], ['bowl', 'stoneware', 'kitchen'], 'A wide stoneware bowl for salads, pasta and Sunday roasts.', 'Thrown in Stoke-on-Trent with a reactive glaze. Dishwasher safe.'],
    ['Linen Napkins Set of Four', 'towel', 2800, ['Ecru', 'Clay', 'Sage'], ['napkins', 'linen', 'kitchen', 'gift'], 'Four stonewashed linen napkins for everyday suppers and long lunches.', 'Pre-washed, so they never need ironing. Machine wash at 40 degrees.'],
    ['Hot Water Bottle with Knit Cover', 'cushion', 2500, ['Oatmeal', 'Burgundy'], ['hot water bottle', 'knit', 'winter', 'gift'], 'A natural rubber hot water bottle in a chunky knitted cover.', 'The cover is removable and hand washable. A winter-evening essential.'],
  ]),
];
