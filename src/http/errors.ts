/**
 * One error shape for every API failure: {"error":{"code","message","details"}}, in the
 * request's language. Anything a client can send maps to a 4xx; only our own bugs give 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ForbiddenError, ValidationError } from '../core/errors';
import * as audit from '../modules/audit/audit.service';
import { requestLang, type Lang } from './locale';
import { RequestValidationError, issuesToFields } from './validation';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; vi: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', vi: 'Nội dung JSON trống', en: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length', vi: 'Độ dài nội dung không khớp', en: 'Content length does not match the body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'file_too_large', vi: 'Tệp quá lớn', en: 'The file is too large' },
  FST_FILES_LIMIT: { status: 413, code: 'too_many_files', vi: 'Quá nhiều tệp', en: 'Too many files' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 406, code: 'not_multipart', vi: 'Yêu cầu phải là multipart/form-data', en: 'The request must be multipart/form-data' },
  FST_ERR_VALIDATION: { status: 400, code: 'validation_failed', vi: 'Dữ liệu không hợp lệ', en: 'Invalid request' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', vi: 'Đường dẫn có thành phần không hợp lệ', en: 'The URL has an invalid component' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', vi: 'Tham số trong đường dẫn quá dài', en: 'A parameter in the URL is too long' },
};

/** Errors the router raises before any route runs (bad percent-encoding, overlong params): same shape. */
export function handleFrameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  let lang: Lang = 'vi';
  try {
    lang = requestLang(req);
  } catch {
    // the query string may be the broken part; answer in the default language
  }
  const known = FASTIFY_CLIENT_ERRORS[error.code] ?? { status: 400, code: 'bad_request', vi: 'Yêu cầu không hợp lệ', en: 'Bad request' };
  return sendError(reply, lang, known.status, known.code, known);
}

/**
 * PostgreSQL "data exception" errors (class 22: a NUL character in text, a number out of range,
 * an invalid value for a type) come from values a client sent that validation let through.
 */
function dataException(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** The multipart parser (busboy) throws plain errors for a broken body (no boundary, cut-off part). */
function malformedMultipart(error: unknown): boolean {
  const e = error as { statusCode?: unknown; stack?: unknown };
  return e.statusCode === undefined && typeof e.stack === 'string' && /[\\/]@fastify[\\/]busboy[\\/]/.test(e.stack);
}

/** Unique/foreign-key violations that slipped past a service check (a race): a conflict, not a crash. */
function constraintViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === '23505' || code === '23503' || code.startsWith('SQLITE_CONSTRAINT');
}

export function sendError(reply: FastifyReply, lang: Lang, status: number, code: string, text: { vi: string; en: string }, details?: unknown) {
  return reply.code(status).type('application/json; charset=utf-8').send(body(code, text[lang], details));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) => {
    const lang = requestLang(req);
    if (error instanceof RequestValidationError || (error as FastifyError).validation !== undefined && (error as any).issues) {
      const part = (error as FastifyError).validationContext;
      const fields = issuesToFields((error as RequestValidationError).issues, part);
      const wrapped = new ValidationError(fields);
      return sendError(reply, lang, 400, wrapped.code, wrapped.text, wrapped.details);
    }
    if (error instanceof AppError) {
      if (error instanceof ForbiddenError) {
        await audit.recordStandalone(req.server.db.db, req.actor ?? null, {
          entity: 'access', action: 'denied', unitId: error.unitId,
          after: { action: error.action, method: req.method, url: req.url.slice(0, 500) }, ip: req.ip,
        }).catch((e) => req.log.error(e, 'could not audit a refused permission'));
      }
      return sendError(reply, lang, error.status, error.code, error.text, error.details);
    }
    const known = FASTIFY_CLIENT_ERRORS[(error as FastifyError).code ?? ''];
    if (known) return sendError(reply, lang, known.status, known.code, known);
    if (constraintViolation(error)) {
      req.log.warn(error, 'constraint violation reached the edge');
      return sendError(reply, lang, 409, 'conflict', { vi: 'Dữ liệu xung đột với dữ liệu đã có; hãy tải lại và thử lại', en: 'The data conflicts with existing data; reload and retry' });
    }
    if (malformedMultipart(error)) {
      return sendError(reply, lang, 400, 'invalid_multipart', { vi: 'Nội dung multipart/form-data bị hỏng', en: 'The multipart/form-data body is malformed' });
    }
    if (dataException(error)) {
      req.log.warn(error, 'data exception reached the edge');
      return sendError(reply, lang, 400, 'invalid_value', { vi: 'Dữ liệu gửi lên có giá trị không lưu được', en: 'The request holds a value that cannot be stored' });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendError(reply, lang, status, 'bad_request', { vi: 'Yêu cầu không hợp lệ', en: error.message || 'Bad request' });
    }
    req.log.error(error);
    return sendError(reply, lang, 500, 'internal_error', { vi: 'Lỗi hệ thống; sự cố đã được ghi lại', en: 'Internal error; it has been logged' });
  });
}
