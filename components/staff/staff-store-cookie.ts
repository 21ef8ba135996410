// Which store the /staff page opens on (components/staff/store-switcher.tsx writes it, app/staff/page.tsx reads it).
export const STAFF_STORE_COOKIE = 'staff-store';
