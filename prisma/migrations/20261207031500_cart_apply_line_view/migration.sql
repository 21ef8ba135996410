-- A bag change answers with the bag in the same statement (issue 21): cart_apply_line now returns the bag's lines as it
-- left them, so a mutation is one round trip instead of the change and then a second query reading the bag back.
--
-- cart_view is the bag as the shopper sees it, one row per line (one row with empty line columns for an empty bag):
-- the line, its variant, product, first image (the line's colour first) and sellable stock (the most one location can
-- supply, as lib/cart/view.ts sellableSql). A plain SQL function, STABLE and not STRICT, so PostgreSQL inlines it into
-- the query that calls it and plans it with that query, as if written there: lib/cart/view.ts reads a bag through it
-- (by the owner's cart) and cart_apply_line answers with it, so both say the same thing. "addedAt" is for ordering.
CREATE FUNCTION "cart_view"(p_cart_id text)
RETURNS TABLE ("cartId" text, "version" int, "currency" text, "variantId" text, "quantity" int, "sku" text, "size" text,
  "color" text, "priceMinor" int, "productId" text, "slug" text, "name" text, "imageUrl" text, "imageAlt" text,
  "sellable" int, "addedAt" timestamp(3))
LANGUAGE sql STABLE AS $$
  SELECT c."id", c."version", c."currency", l."variantId", l."quantity", v."sku", v."size", v."color", v."priceMinor",
    p."id", p."slug", p."name", img."url", img."alt",
    (SELECT GREATEST(COALESCE(MAX(s."onHand" - s."reserved"), 0), 0)::int FROM "Stock" s WHERE s."variantId" = v."id"),
    l."addedAt"
  FROM "Cart" c
  LEFT JOIN "CartLine" l ON l."cartId" = c."id"
  LEFT JOIN "Variant" v ON v."id" = l."variantId"
  LEFT JOIN "Product" p ON p."id" = v."productId"
  LEFT JOIN LATERAL (
    SELECT i."url", i."alt" FROM "ProductImage" i WHERE i."productId" = p."id"
    ORDER BY (i."color" IS NOT DISTINCT FROM v."color") DESC, i."position" LIMIT 1
  ) img ON true
  WHERE c."id" = p_cart_id
$$;

-- Its result changes shape, so the function is replaced rather than redefined.
DROP FUNCTION "cart_apply_line"(text, text, text, text, int, text, text, int, int, int);

-- As before (20261206210500_cart_apply_line: lock, If-Match, rules, write, one statement and so one transaction), but
-- an applied change returns the bag's rows (cart_view, read after the write within the same statement, so it sees
-- it; ordered as the bag shows its lines), each with outcome 'applied'. Any other outcome is one row without a bag:
-- 'stale' and 'line_not_found' name only the cart; 'refused' also gives current and next (the line's quantity before
-- and as asked) and, in "sellable", what the variant can sell (NULL: no such variant), which the refusal messages need.
CREATE FUNCTION "cart_apply_line"(
  p_user_id text,
  p_cart_id text,
  p_new_id text,
  p_currency text,
  p_expected int,
  p_kind text,
  p_variant_id text,
  p_quantity int,
  p_max_quantity int,
  p_max_lines int
) RETURNS TABLE ("outcome" text, "created" boolean, "current" int, "next" int, "cartId" text, "version" int,
  "currency" text, "variantId" text, "quantity" int, "sku" text, "size" text, "color" text, "priceMinor" int,
  "productId" text, "slug" text, "name" text, "imageUrl" text, "imageAlt" text, "sellable" int)
LANGUAGE plpgsql AS $$
-- The result columns share names with table columns ("cartId", "version"): a bare name means the column.
#variable_conflict use_column
DECLARE
  v_id text;
  v_version int;
  v_created boolean := false;
  v_current int;
  v_sellable int;
  v_lines int;
  v_next int;
  v_count int;
  v_ok boolean;
BEGIN
  IF p_user_id IS NOT NULL THEN
    INSERT INTO "Cart" ("id", "userId", "version", "currency", "updatedAt")
    VALUES (p_new_id, p_user_id, 0, p_currency, now())
    ON CONFLICT ("userId") DO NOTHING
    RETURNING "Cart"."id" INTO v_id;
    v_created := v_id IS NOT NULL;
    SELECT c."id", c."version" INTO v_id, v_version FROM "Cart" c WHERE c."userId" = p_user_id FOR UPDATE;
  ELSE
    IF p_cart_id IS NOT NULL THEN
      SELECT c."id", c."version" INTO v_id, v_version FROM "Cart" c
      WHERE c."id" = p_cart_id AND c."userId" IS NULL FOR UPDATE;
    END IF;
    -- No cart yet, or the cookie named one that was merged away or expired: start a fresh one.
    IF v_id IS NULL THEN
      INSERT INTO "Cart" ("id", "version", "currency", "updatedAt") VALUES (p_new_id, 0, p_currency, now());
      v_id := p_new_id;
      v_version := 0;
      v_created := true;
    END IF;
  END IF;

  IF p_expected IS NOT NULL AND NOT v_created AND v_version <> p_expected THEN
    RETURN QUERY SELECT 'stale'::text, v_created, NULL::int, NULL::int, v_id, v_version, NULL::text, NULL::text, NULL::int,
      NULL::text, NULL::text, NULL::text, NULL::int, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::int;
    RETURN;
  END IF;

  IF p_kind = 'remove' THEN
    DELETE FROM "CartLine" l WHERE l."cartId" = v_id AND l."variantId" = p_variant_id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_ok := v_count > 0;
    IF NOT v_ok THEN
      IF v_created THEN DELETE FROM "Cart" c WHERE c."id" = v_id; END IF;
      RETURN QUERY SELECT 'line_not_found'::text, v_created, NULL::int, NULL::int, v_id, v_version, NULL::text, NULL::text,
        NULL::int, NULL::text, NULL::text, NULL::text, NULL::int, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
        NULL::int;
      RETURN;
    END IF;
  ELSE
    SELECT l."quantity" INTO v_current FROM "CartLine" l WHERE l."cartId" = v_id AND l."variantId" = p_variant_id;
    -- Sellable = the most one location can supply (as cart_view); NULL when no such variant.
    SELECT (SELECT GREATEST(COALESCE(MAX(s."onHand" - s."reserved"), 0), 0)::int FROM "Stock" s WHERE s."variantId" = v."id")
      INTO v_sellable FROM "Variant" v WHERE v."id" = p_variant_id;
    SELECT count(*)::int INTO v_lines FROM "CartLine" l WHERE l."cartId" = v_id;
    v_next := CASE WHEN p_kind = 'add' THEN coalesce(v_current, 0) + p_quantity ELSE p_quantity END;
    v_ok := v_sellable IS NOT NULL AND v_next <= LEAST(v_sellable, p_max_quantity)
      AND (v_current IS NOT NULL OR (p_kind = 'add' AND v_lines < p_max_lines));
    IF NOT v_ok THEN
      IF v_created THEN DELETE FROM "Cart" c WHERE c."id" = v_id; END IF;
      RETURN QUERY SELECT 'refused'::text, v_created, v_current, v_next, v_id, v_version, NULL::text, NULL::text, NULL::int,
        NULL::text, NULL::text, NULL::text, NULL::int, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, v_sellable;
      RETURN;
    END IF;
    INSERT INTO "CartLine" ("cartId", "variantId", "quantity") VALUES (v_id, p_variant_id, v_next)
    ON CONFLICT ("cartId", "variantId") DO UPDATE SET "quantity" = EXCLUDED."quantity";
  END IF;

  UPDATE "Cart" c SET "version" = c."version" + 1, "updatedAt" = now() WHERE c."id" = v_id;
  RETURN QUERY SELECT 'applied'::text, v_created, v_current, v_next, w."cartId", w."version", w."currency", w."variantId",
    w."quantity", w."sku", w."size", w."color", w."priceMinor", w."productId", w."slug", w."name", w."imageUrl",
    w."imageAlt", w."sellable"
  FROM "cart_view"(v_id) w
  ORDER BY w."addedAt", w."variantId";
END
$$;
