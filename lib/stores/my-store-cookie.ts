// The guest's chosen store, remembered for a year. HttpOnly: the client asks /api/v1/stores/mine instead.
export const MY_STORE_COOKIE = 'nw_store';
export const MY_STORE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
