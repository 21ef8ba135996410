-- A checkout locks its bag and looks at what it needs to know in one round trip instead of two (issue 21). The bag's
-- row is locked first (waiting for any other checkout of the bag to commit); the looks run after the lock as their
-- own statement, so in READ COMMITTED they take a snapshot that includes what that other checkout committed (a single
-- SQL statement that waited for the lock would still see its own, older snapshot). Returned as one JSON object:
--   version   the bag's version as locked (null: no such bag)
--   attempt   the order an earlier request of this attempt placed (its checkoutKey), if any
--   done      {id, number} of an order of this bag version in one of p_done_statuses (confirmed or later), if any
--   leftovers the bag's PENDING orders (a checkout left behind), to cancel before holding again
--   expired   orders whose ACTIVE holds on this location's p_variant_ids ran out before p_now, to release first
CREATE FUNCTION "checkout_lock_bag"(p_cart_id text, p_version int, p_checkout_key text, p_done_statuses text[],
  p_location_id text, p_variant_ids text[], p_now timestamp(3))
RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked int;
BEGIN
  SELECT c."version" INTO locked FROM "Cart" c WHERE c."id" = p_cart_id FOR UPDATE;
  RETURN json_build_object(
    'version', locked,
    'attempt', (SELECT o."id" FROM "Order" o WHERE o."checkoutKey" = p_checkout_key),
    'done', (SELECT json_build_object('id', o."id", 'number', o."number") FROM "Order" o
      WHERE o."cartId" = p_cart_id AND o."cartVersion" = p_version AND o."status"::text = ANY(p_done_statuses) LIMIT 1),
    'leftovers', coalesce((SELECT json_agg(o."id" ORDER BY o."id") FROM "Order" o
      WHERE o."cartId" = p_cart_id AND o."status" = 'PENDING'), '[]'::json),
    'expired', coalesce((SELECT json_agg(DISTINCT h."orderId") FROM "StockHold" h
      WHERE h."status" = 'ACTIVE' AND h."expiresAt" < p_now AND h."locationId" = p_location_id
        AND h."variantId" = ANY(p_variant_ids)), '[]'::json));
END
$$;
