/**
 * The one error module. Services throw these; the HTTP edge turns them into
 * `{"error":{"code","message","details"}}` with the status below, in the user's language.
 */

export type Localized = { vi: string; en: string };

export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>> | undefined;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Localized,
    readonly details?: ErrorDetails,
  ) {
    super(text.en);
    this.name = new.target.name;
  }
}

/** One field-level problem: the path names the field, the text says what is wrong with it. */
export type FieldIssue = { field: string; message: Localized };

export class ValidationError extends AppError {
  constructor(readonly issues: FieldIssue[], text?: Localized) {
    super(
      400,
      'validation_failed',
      text ?? {
        vi: issues.map((i) => `${i.field}: ${i.message.vi}`).join('; '),
        en: issues.map((i) => `${i.field}: ${i.message.en}`).join('; '),
      },
      issues.map((i) => ({ field: i.field, message: i.message.vi, messageEn: i.message.en })),
    );
  }
}

export function invalidField(field: string, vi: string, en: string): ValidationError {
  return new ValidationError([{ field, message: { vi, en } }]);
}

export class UnauthorizedError extends AppError {
  constructor(text: Localized = { vi: 'Cần đăng nhập', en: 'Authentication required' }, code = 'unauthorized') {
    super(401, code, text);
  }
}

export class ForbiddenError extends AppError {
  constructor(
    readonly action: string,
    readonly unitId: number | null,
    text: Localized = { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  ) {
    super(403, 'forbidden', text, { action, unitId });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id?: string | number) {
    super(404, 'not_found', {
      vi: `Không tìm thấy ${entityNames[entity]?.vi ?? entity}${id === undefined ? '' : ` (${id})`}`,
      en: `${entityNames[entity]?.en ?? entity} not found${id === undefined ? '' : ` (${id})`}`,
    }, { entity, id });
  }
}

export class ConflictError extends AppError {
  constructor(text: Localized, details?: ErrorDetails, code = 'conflict') {
    super(409, code, text, details);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(text: Localized, details?: ErrorDetails) {
    super(429, 'too_many_requests', text, details);
  }
}

/** Display names of entities in messages; modules add theirs with `registerEntityName`. */
const entityNames: Record<string, Localized> = {
  org_unit: { vi: 'đơn vị', en: 'Unit' },
  user: { vi: 'người dùng', en: 'User' },
  grant: { vi: 'phân quyền', en: 'Grant' },
  api_token: { vi: 'khóa API', en: 'API token' },
  route: { vi: 'đường dẫn', en: 'Route' },
  file: { vi: 'tệp', en: 'File' },
  plan: { vi: 'kế hoạch', en: 'Plan' },
  plan_task: { vi: 'nhiệm vụ', en: 'Task' },
  plan_version: { vi: 'phiên bản kế hoạch', en: 'Plan version' },
  plan_progress: { vi: 'cập nhật tiến độ', en: 'Progress update' },
  registration: { vi: 'đăng ký vấn đề', en: 'Registration' },
  registration_entry: { vi: 'mục lịch sử đăng ký', en: 'Registration entry' },
  milestone_event: { vi: 'sự kiện', en: 'Event' },
  news_article: { vi: 'bài viết', en: 'Article' },
  news_category: { vi: 'chuyên mục', en: 'Category' },
};

export function registerEntityName(entity: string, name: Localized): void {
  entityNames[entity] = name;
}
