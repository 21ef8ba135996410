-- A checkout placed with one statement (issue 21): on the embedded database every round trip made while a transaction
-- is open holds up every other request, so the common checkout (no discount code, no points, no consent boxes) is one
-- call of this function, run as its own implicit transaction: no BEGIN, no COMMIT, nothing held between statements.
-- It does what checkout_lock_bag and the hold-and-write statement do in the caller's transaction otherwise, each step
-- a statement of its own that sees what an earlier holder of the bag's lock committed:
--   the bag's row locked; an earlier order of this attempt (its checkoutKey) answered as {attempt}; a bag whose version
--   moved answered as {version}; a bag version already confirmed or later answered as {version, done: {id, number}};
--   a pending leftover of this bag that held points answered as {version, fallback: true} (the ledger's steps are the
--   caller's: lib/orders/transitions.ts), nothing written;
--   else the bag's pending leftovers cancelled and the expired holds on this stock released, the stock rows locked in
--   variant order and, when every line is on the shelf, held, and the order written with its lines and holds under the
--   first free number of p_numbers: {version, number}. A short line raises checkout_out_of_stock with the short lines
--   as JSON in DETAIL, so the whole statement, leftovers' cancellation included, is undone.
CREATE FUNCTION "checkout_place"(p_cart_id text, p_version int, p_checkout_key text, p_done_statuses text[],
  p_location_id text, p_now timestamp(3), p_order_id text, p_numbers text[], p_status text, p_email text,
  p_user_id text, p_channel text, p_fulfilment text, p_pickup_location_id text, p_payment_provider text,
  p_currency text, p_totals int[], p_discount_code text, p_hold_expires_at timestamp(3), p_shipping_address jsonb,
  p_pickup_code_hash text, p_pickup_code_sealed text, p_line_ids text[], p_product_ids text[], p_variant_ids text[],
  p_names text[], p_skus text[], p_unit_prices int[], p_quantities int[], p_positions int[], p_hold_ids text[])
RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked int;
  found text;
  done json;
  short json;
  n text;
BEGIN
  SELECT c."version" INTO locked FROM "Cart" c WHERE c."id" = p_cart_id FOR UPDATE;
  IF p_checkout_key IS NOT NULL THEN
    SELECT o."id" INTO found FROM "Order" o WHERE o."checkoutKey" = p_checkout_key;
    IF found IS NOT NULL THEN RETURN json_build_object('attempt', found); END IF;
  END IF;
  IF locked IS DISTINCT FROM p_version THEN RETURN json_build_object('version', locked); END IF;
  SELECT json_build_object('id', o."id", 'number', o."number") INTO done FROM "Order" o
    WHERE o."cartId" = p_cart_id AND o."cartVersion" = p_version AND o."status"::text = ANY(p_done_statuses) LIMIT 1;
  IF done IS NOT NULL THEN RETURN json_build_object('version', locked, 'done', done); END IF;
  IF EXISTS (SELECT 1 FROM "Order" o WHERE o."cartId" = p_cart_id AND o."status" = 'PENDING' AND o."pointsRedeemed" > 0) THEN
    RETURN json_build_object('version', locked, 'fallback', true);
  END IF;

  -- The bag's pending leftovers (a checkout left behind) give their stock back.
  WITH cancelled AS (
    UPDATE "Order" SET "status" = 'CANCELLED', "cancelledAt" = p_now, "updatedAt" = p_now
    WHERE "cartId" = p_cart_id AND "status" = 'PENDING'
    RETURNING "id"
  ), released AS (
    UPDATE "StockHold" h SET "status" = 'RELEASED'
    FROM cancelled c WHERE h."orderId" = c."id" AND h."status" = 'ACTIVE'
    RETURNING h."variantId", h."locationId", h."quantity"
  ), sums AS (
    SELECT "variantId", "locationId", sum("quantity")::int AS q FROM released GROUP BY 1, 2
  )
  UPDATE "Stock" s SET "reserved" = s."reserved" - sums.q, "updatedAt" = now()
  FROM sums WHERE s."variantId" = sums."variantId" AND s."locationId" = sums."locationId";

  -- Orders whose holds on this stock ran out are cancelled and their stock released, as the sweeper does (orders
  -- another transaction is paying right now are skipped, not waited for).
  WITH expired AS (
    SELECT DISTINCT h."orderId" FROM "StockHold" h
    WHERE h."status" = 'ACTIVE' AND h."expiresAt" < p_now AND h."locationId" = p_location_id AND h."variantId" = ANY(p_variant_ids)
  ), cancelled AS (
    UPDATE "Order" SET "status" = 'CANCELLED', "cancelledAt" = p_now, "updatedAt" = p_now
    WHERE "id" IN (
      SELECT o."id" FROM "Order" o
      WHERE o."status" IN ('PENDING', 'CONFIRMED') AND o."holdExpiresAt" < p_now AND o."id" IN (SELECT "orderId" FROM expired)
      ORDER BY o."holdExpiresAt" LIMIT 500
      FOR UPDATE SKIP LOCKED
    ) AND "status" IN ('PENDING', 'CONFIRMED')
    RETURNING "id"
  ), released AS (
    UPDATE "StockHold" h SET "status" = 'RELEASED'
    FROM cancelled c WHERE h."orderId" = c."id" AND h."status" = 'ACTIVE'
    RETURNING h."variantId", h."locationId", h."quantity"
  ), sums AS (
    SELECT "variantId", "locationId", sum("quantity")::int AS q FROM released GROUP BY 1, 2
  )
  UPDATE "Stock" s SET "reserved" = s."reserved" - sums.q, "updatedAt" = now()
  FROM sums WHERE s."variantId" = sums."variantId" AND s."locationId" = sums."locationId";

  -- The stock rows locked in variant order (two checkouts of the same variants never deadlock); the next statement
  -- reads them as the transaction that held them last committed them.
  PERFORM 1 FROM "Stock" s WHERE s."locationId" = p_location_id AND s."variantId" = ANY(p_variant_ids)
    ORDER BY s."variantId" FOR UPDATE;
  SELECT json_agg(json_build_object('variantId', w.v, 'available', GREATEST(coalesce(s."onHand" - s."reserved", 0), 0)) ORDER BY w.v)
  INTO short
  FROM unnest(p_variant_ids, p_quantities) AS w(v, q)
  LEFT JOIN "Stock" s ON s."locationId" = p_location_id AND s."variantId" = w.v
  WHERE s."variantId" IS NULL OR s."onHand" - s."reserved" < w.q;
  IF short IS NOT NULL THEN
    RAISE EXCEPTION 'checkout_out_of_stock' USING DETAIL = short::text;
  END IF;
  UPDATE "Stock" s SET "reserved" = s."reserved" + w.q, "updatedAt" = now()
  FROM unnest(p_variant_ids, p_quantities) AS w(v, q)
  WHERE s."locationId" = p_location_id AND s."variantId" = w.v;

  -- Numbers are random: one taken (about one in 10^11) is passed over for the next.
  found := NULL;
  FOREACH n IN ARRAY p_numbers LOOP
    INSERT INTO "Order" ("id", "number", "status", "email", "userId", "channel", "fulfilment", "pickupLocationId",
      "paymentProvider", "currency", "subtotalMinor", "discountMinor", "discountCode", "pointsRedeemed",
      "pointsDiscountMinor", "shippingMinor", "taxMinor", "totalMinor", "holdExpiresAt", "placedAt", "createdAt",
      "updatedAt", "shippingAddress", "cartId", "checkoutKey", "cartVersion", "pickupCodeHash", "pickupCodeSealed")
    VALUES (p_order_id, n, p_status::"OrderStatus", p_email, p_user_id, p_channel::"SalesChannel",
      p_fulfilment::"Fulfilment", p_pickup_location_id, p_payment_provider::"PaymentProvider", p_currency,
      p_totals[1], p_totals[2], p_discount_code, p_totals[3], p_totals[4], p_totals[5], p_totals[6], p_totals[7],
      p_hold_expires_at, p_now, p_now, p_now, p_shipping_address, p_cart_id, p_checkout_key, p_version,
      p_pickup_code_hash, p_pickup_code_sealed)
    ON CONFLICT ("number") DO NOTHING
    RETURNING "id" INTO found;
    EXIT WHEN found IS NOT NULL;
  END LOOP;
  IF found IS NULL THEN
    RAISE EXCEPTION 'Could not find a free order number in % draws', cardinality(p_numbers);
  END IF;
  INSERT INTO "OrderLine" ("id", "orderId", "productId", "variantId", "name", "sku", "unitPriceMinor", "quantity", "position")
  SELECT x."id", p_order_id, x."productId", x."variantId", x."name", x."sku", x."unitPriceMinor", x."quantity", x."position"
  FROM unnest(p_line_ids, p_product_ids, p_variant_ids, p_names, p_skus, p_unit_prices, p_quantities, p_positions)
    AS x("id", "productId", "variantId", "name", "sku", "unitPriceMinor", "quantity", "position");
  INSERT INTO "StockHold" ("id", "orderId", "variantId", "locationId", "quantity", "expiresAt", "status", "createdAt")
  SELECT x."id", p_order_id, x."variantId", p_location_id, x."quantity", p_hold_expires_at, 'ACTIVE', p_now
  FROM unnest(p_hold_ids, p_variant_ids, p_quantities) AS x("id", "variantId", "quantity");
  RETURN json_build_object('version', locked, 'number', n);
END
$$;
