-- A bag change in one round trip (lib/cart/mutations.ts applyCartMutation): the cart's row is locked (created if the
-- shopper has none), its version checked against If-Match, the rules read with the lock held, and the line written
-- and the version bumped only when they all pass. It replaces BEGIN, lock, change, COMMIT sent one by one, which cost
-- most of a mutation's server time. Being one statement, it is one transaction: nothing is kept if it fails. Each
-- statement inside reads the latest committed rows (READ COMMITTED takes a snapshot per statement), so the rules see
-- what the writer before it left once the lock is held.
--
-- outcome: 'applied'; 'stale' (If-Match names another version); 'line_not_found' (remove of a line not in the bag);
-- 'refused' (current, sellable and next tell the caller which rule failed, as the refusal messages need them).
-- A cart created for a refused change is removed again, as a rolled-back transaction would have left none.
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
) RETURNS TABLE ("cartId" text, "version" int, "created" boolean, "outcome" text, "current" int, "sellable" int, "next" int)
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
    RETURN QUERY SELECT v_id, v_version, v_created, 'stale'::text, NULL::int, NULL::int, NULL::int;
    RETURN;
  END IF;

  IF p_kind = 'remove' THEN
    DELETE FROM "CartLine" l WHERE l."cartId" = v_id AND l."variantId" = p_variant_id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_ok := v_count > 0;
    IF NOT v_ok THEN
      IF v_created THEN DELETE FROM "Cart" c WHERE c."id" = v_id; END IF;
      RETURN QUERY SELECT v_id, v_version, v_created, 'line_not_found'::text, NULL::int, NULL::int, NULL::int;
      RETURN;
    END IF;
  ELSE
    SELECT l."quantity" INTO v_current FROM "CartLine" l WHERE l."cartId" = v_id AND l."variantId" = p_variant_id;
    -- Sellable = the most one location can supply (as lib/cart/view.ts sellableSql); NULL when no such variant.
    SELECT (SELECT GREATEST(COALESCE(MAX(s."onHand" - s."reserved"), 0), 0)::int FROM "Stock" s WHERE s."variantId" = v."id")
      INTO v_sellable FROM "Variant" v WHERE v."id" = p_variant_id;
    SELECT count(*)::int INTO v_lines FROM "CartLine" l WHERE l."cartId" = v_id;
    v_next := CASE WHEN p_kind = 'add' THEN coalesce(v_current, 0) + p_quantity ELSE p_quantity END;
    v_ok := v_sellable IS NOT NULL AND v_next <= LEAST(v_sellable, p_max_quantity)
      AND (v_current IS NOT NULL OR (p_kind = 'add' AND v_lines < p_max_lines));
    IF NOT v_ok THEN
      IF v_created THEN DELETE FROM "Cart" c WHERE c."id" = v_id; END IF;
      RETURN QUERY SELECT v_id, v_version, v_created, 'refused'::text, v_current, v_sellable, v_next;
      RETURN;
    END IF;
    INSERT INTO "CartLine" ("cartId", "variantId", "quantity") VALUES (v_id, p_variant_id, v_next)
    ON CONFLICT ("cartId", "variantId") DO UPDATE SET "quantity" = EXCLUDED."quantity";
  END IF;

  UPDATE "Cart" c SET "version" = c."version" + 1, "updatedAt" = now() WHERE c."id" = v_id RETURNING c."version" INTO v_version;
  RETURN QUERY SELECT v_id, v_version, v_created, 'applied'::text, v_current, v_sellable, v_next;
END
$$;
