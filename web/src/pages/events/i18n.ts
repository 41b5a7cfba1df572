import { defineMessages } from '../../i18n';

export const EVENTS_NS = defineMessages('events', {
  vi: {
    title: 'Sự kiện, hội nghị',
    create: 'Thêm sự kiện',
    search: 'Tìm theo tên sự kiện',
    unitFilter: 'Đơn vị tổ chức (cả cấp dưới)',
    kindFilter: 'Mọi loại',
    empty: 'Chưa có sự kiện nào',
    kinds: { hoi_nghi: 'Hội nghị', so_ket: 'Sơ kết', tong_ket: 'Tổng kết', ky_niem: 'Kỷ niệm', hoc_tap: 'Học tập, quán triệt', khac: 'Khác' },
    columns: { heldOn: 'Ngày', title: 'Sự kiện', kind: 'Loại', organizer: 'Đơn vị tổ chức', venue: 'Địa điểm', plan: 'Kế hoạch' },
    fields: {
      organizer: 'Đơn vị tổ chức', kind: 'Loại sự kiện', title: 'Tên sự kiện', heldOn: 'Ngày tổ chức', venue: 'Địa điểm',
      participants: 'Thành phần tham dự', participantCount: 'Số người tham dự', outcome: 'Kết quả, nội dung chính',
      plan: 'Thuộc kế hoạch', task: 'Nhiệm vụ của kế hoạch', documents: 'Văn bản liên quan', files: 'Tệp đính kèm',
    },
    actions: { edit: 'Sửa', delete: 'Xóa', deleteConfirm: 'Xóa sự kiện này?', attach: 'Đính kèm tệp', done: 'Đã thực hiện' },
    saved: 'Đã lưu sự kiện',
  },
  en: {
    title: 'Events and conferences',
    create: 'Add an event',
    search: 'Search event titles',
    unitFilter: 'Organizing unit (with those below)',
    kindFilter: 'Any kind',
    empty: 'No events yet',
    kinds: { hoi_nghi: 'Conference', so_ket: 'Interim review', tong_ket: 'Final review', ky_niem: 'Anniversary', hoc_tap: 'Study session', khac: 'Other' },
    columns: { heldOn: 'Date', title: 'Event', kind: 'Kind', organizer: 'Organizer', venue: 'Venue', plan: 'Plan' },
    fields: {
      organizer: 'Organizing unit', kind: 'Kind', title: 'Title', heldOn: 'Date', venue: 'Venue',
      participants: 'Participants', participantCount: 'Number of participants', outcome: 'Outcome, main content',
      plan: 'Under plan', task: 'Task of the plan', documents: 'Related documents', files: 'Attached files',
    },
    actions: { edit: 'Edit', delete: 'Delete', deleteConfirm: 'Delete this event?', attach: 'Attach files', done: 'Done' },
    saved: 'Event saved',
  },
});
