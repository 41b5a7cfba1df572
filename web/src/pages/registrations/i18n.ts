import { defineMessages } from '../../i18n';

export const REGISTRATIONS_NS = defineMessages('registrations', {
  vi: {
    title: 'Đăng ký vấn đề giải quyết dứt điểm',
    create: 'Đăng ký vấn đề',
    search: 'Tìm theo tên vấn đề',
    unitFilter: 'Đơn vị (cả cấp dưới)',
    empty: 'Không có đăng ký nào',
    views: {
      pending: 'Chờ duyệt', in_progress: 'Đang thực hiện', overdue: 'Quá hạn', awaiting_confirmation: 'Chờ xác nhận kết quả',
      resolved: 'Đã giải quyết', returned: 'Bị trả lại', draft: 'Bản nháp',
    },
    statuses: {
      draft: 'Bản nháp', submitted: 'Chờ duyệt', returned: 'Bị trả lại', in_progress: 'Đang thực hiện',
      resolution_submitted: 'Chờ xác nhận kết quả', resolved: 'Đã giải quyết',
    },
    overdue: 'Quá hạn',
    columns: { unit: 'Đơn vị đăng ký', title: 'Vấn đề', body: 'Đăng ký với', deadline: 'Thời hạn', status: 'Trạng thái', percent: 'Tiến độ' },
    fields: {
      unit: 'Đơn vị đăng ký', plan: 'Theo kế hoạch', planHint: 'Đăng ký theo kế hoạch thì gửi đơn vị ban hành kế hoạch',
      body: 'Đăng ký với (khi không theo kế hoạch)', title: 'Vấn đề đăng ký giải quyết dứt điểm', description: 'Mô tả',
      target: 'Mục tiêu đo được', deadline: 'Thời hạn giải quyết', responsiblePerson: 'Người chịu trách nhiệm',
      comment: 'Ý kiến', commentRequired: 'Ý kiến (bắt buộc)', percent: 'Tiến độ (%)', narrative: 'Kết quả thực hiện', reportedOn: 'Tính đến ngày',
      resolution: 'Kết quả giải quyết',
    },
    actions: {
      edit: 'Sửa', delete: 'Xóa', deleteConfirm: 'Xóa bản nháp này?', submit: 'Gửi đăng ký', approve: 'Duyệt', return: 'Trả lại',
      progress: 'Cập nhật tiến độ', resolution: 'Báo cáo đã giải quyết', confirm: 'Xác nhận đã giải quyết', reopen: 'Yêu cầu tiếp tục',
      attach: 'Đính kèm minh chứng', done: 'Đã thực hiện',
    },
    entries: {
      submit: 'Gửi đăng ký', approve: 'Duyệt', return: 'Trả lại', progress: 'Cập nhật tiến độ', resolution: 'Báo cáo kết quả',
      confirm: 'Xác nhận đã giải quyết', reopen: 'Yêu cầu tiếp tục giải quyết', history: 'Quá trình xử lý', none: 'Chưa có',
    },
    created: 'Đã lưu đăng ký (bản nháp); gửi để đơn vị nhận duyệt',
    saved: 'Đã lưu',
  },
  en: {
    title: 'Focus-issue registrations',
    create: 'Register an issue',
    search: 'Search issue titles',
    unitFilter: 'Unit (with those below)',
    empty: 'No registrations',
    views: {
      pending: 'Pending approval', in_progress: 'In progress', overdue: 'Overdue', awaiting_confirmation: 'Awaiting confirmation',
      resolved: 'Resolved', returned: 'Returned', draft: 'Drafts',
    },
    statuses: {
      draft: 'Draft', submitted: 'Pending approval', returned: 'Returned', in_progress: 'In progress',
      resolution_submitted: 'Awaiting confirmation', resolved: 'Resolved',
    },
    overdue: 'Overdue',
    columns: { unit: 'Registering unit', title: 'Issue', body: 'Registered with', deadline: 'Deadline', status: 'Status', percent: 'Progress' },
    fields: {
      unit: 'Registering unit', plan: 'Under plan', planHint: 'Under a plan it goes to the plan\'s issuing unit',
      body: 'Register with (without a plan)', title: 'Issue to resolve decisively', description: 'Description',
      target: 'Measurable target', deadline: 'Deadline', responsiblePerson: 'Responsible person',
      comment: 'Comment', commentRequired: 'Comment (required)', percent: 'Progress (%)', narrative: 'What was done', reportedOn: 'As of',
      resolution: 'How it was resolved',
    },
    actions: {
      edit: 'Edit', delete: 'Delete', deleteConfirm: 'Delete this draft?', submit: 'Submit', approve: 'Approve', return: 'Return',
      progress: 'Post progress', resolution: 'Report resolved', confirm: 'Confirm resolved', reopen: 'Not resolved yet',
      attach: 'Attach evidence', done: 'Done',
    },
    entries: {
      submit: 'Submitted', approve: 'Approved', return: 'Returned', progress: 'Progress', resolution: 'Resolution reported',
      confirm: 'Confirmed resolved', reopen: 'Reopened', history: 'History', none: 'None yet',
    },
    created: 'Registration saved as a draft; submit it for approval',
    saved: 'Saved',
  },
});
