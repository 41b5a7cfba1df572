import { defineMessages } from '../../i18n';

export const LOGIN_NS = defineMessages('login', {
  vi: {
    title: 'Đăng nhập',
    subtitle: 'Theo dõi thực hiện chỉ thị, nghị quyết: kế hoạch triển khai xuống cơ sở, báo cáo tổng hợp lên cấp trên',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    footer: 'Chỉ dành cho cán bộ được cấp tài khoản. Mọi thao tác đều được ghi nhật ký.',
  },
  en: {
    title: 'Sign in',
    subtitle: 'Tracking how directives are carried out, from plans to reports',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    footer: 'For staff with an account only. Every action is logged.',
  },
});
