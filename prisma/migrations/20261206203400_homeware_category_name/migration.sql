-- The category "Home" sat beside the Home breadcrumb and the home page: it is called "Homeware" (its slug, /c/home, stays).
UPDATE "Category" SET "name" = 'Homeware' WHERE "slug" = 'home' AND "name" = 'Home';
