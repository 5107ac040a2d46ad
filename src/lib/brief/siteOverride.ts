/**
 * The storage key under which the command line names the site that slide notes link back to:
 * it renders the deck from a temporary local server whose address no reader could open.
 */
export const SITE_OVERRIDE = 'crosswinds.site';
