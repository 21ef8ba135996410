-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Product_searchVector_idx" ON "Product" USING GIN ("searchVector");

-- Without autovacuum (the embedded PGlite has none) GIN's pending list of fast updates is never merged
-- and every search would scan it; the catalogue is written rarely, so insert straight into the index.
ALTER INDEX "Product_searchVector_idx" SET (fastupdate = off);

-- Triggers Prisma cannot express (added by hand). The vector mixes a product's own fields with its
-- category's name, so a generated column cannot hold it; triggers keep it right for every writer
-- (the app, the seed, order imports, raw SQL). Weights as lib/catalog/queries.ts ranks them:
-- name A, category name and tags B, description C.
CREATE FUNCTION "Product_searchVector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', NEW."name"), 'A') ||
    setweight(to_tsvector('english', (SELECT c."name" FROM "Category" c WHERE c."id" = NEW."categoryId") || ' ' || array_to_string(NEW."tags", ' ')), 'B') ||
    setweight(to_tsvector('english', NEW."description"), 'C');
  RETURN NEW;
END
$$;

-- Naming "searchVector" in an update recomputes it too, so no writer can store a different one.
CREATE TRIGGER "Product_searchVector_refresh"
  BEFORE INSERT OR UPDATE OF "name", "description", "tags", "categoryId", "searchVector" ON "Product"
  FOR EACH ROW EXECUTE FUNCTION "Product_searchVector_refresh"();

CREATE FUNCTION "Category_searchVector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The product trigger recomputes each vector from the renamed category.
  UPDATE "Product" SET "searchVector" = NULL WHERE "categoryId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Category_searchVector_refresh"
  AFTER UPDATE OF "name" ON "Category"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "Category_searchVector_refresh"();

-- Backfill existing products (through the product trigger).
UPDATE "Product" SET "searchVector" = NULL;
ANALYZE "Product";
