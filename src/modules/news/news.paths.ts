/** Public addresses of the news portal, shared by the editor side, the portal and the web app. */

export const ARTICLE_PREFIX = '/tin-tuc';
export const CATEGORY_PREFIX = '/chuyen-muc';
export const IMAGE_PREFIX = '/anh';
export const SEARCH_PATH = '/tim-kiem';

export function articlePath(slug: string): string {
  return `${ARTICLE_PREFIX}/${encodeURIComponent(slug)}`;
}

export function articlePrintPath(slug: string): string {
  return `${articlePath(slug)}/in`;
}

export function categoryPath(slug: string): string {
  return `${CATEGORY_PREFIX}/${encodeURIComponent(slug)}`;
}

/** Images of articles are served from our own storage only, by file id. */
export function imagePath(fileId: number): string {
  return `${IMAGE_PREFIX}/${fileId}`;
}

/** Matches an image address of our own storage, exactly as `imagePath` writes it. */
export const OWN_IMAGE_SRC = /^\/anh\/([1-9]\d{0,9})$/;
