"""Plain-language, translated messages for the core's typed errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from artreview_desktop.core.phone import InvalidPhoneNumber
from artreview_desktop.core.platform.errors import ErrorCode, PlatformError

translate = QCoreApplication.translate  # lupdate finds translate("Errors", "…") calls


def platform_error_text(error: BaseException) -> str:
    if isinstance(error, InvalidPhoneNumber):
        return translate("Errors", "请输入正确的手机号：中国大陆 11 位手机号，例如 138 1234 5678。")
    if not isinstance(error, PlatformError):
        return translate("Errors", "出现了意外错误，请稍后重试。")
    texts = {
        ErrorCode.NETWORK_DOWN: translate("Errors", "无法连接考试平台，请检查网络后重试。"),
        ErrorCode.TIMEOUT: translate("Errors", "考试平台响应超时，请稍后重试。"),
        ErrorCode.RATE_LIMITED: translate("Errors", "操作太频繁，请稍后再试。"),
        ErrorCode.DAILY_LIMIT: translate("Errors", "今天获取验证码的次数已用完，请明天再试。"),
        ErrorCode.INVALID_PHONE: translate("Errors", "请输入正确的手机号：中国大陆 11 位手机号，例如 138 1234 5678。"),
        ErrorCode.CODE_WRONG: translate("Errors", "验证码不正确，请检查后重新输入。"),
        ErrorCode.CODE_EXPIRED: translate("Errors", "验证码已过期（有效期 5 分钟），请重新获取。"),
        ErrorCode.CODE_BURNED: translate("Errors", "验证码输错次数太多，已失效，请重新获取。"),
        ErrorCode.CODE_INVALID: translate("Errors", "请先获取验证码。"),
        ErrorCode.NOT_LOGGED_IN: translate("Errors", "请先登录。"),
        ErrorCode.SESSION_EXPIRED: translate("Errors", "登录已过期，请重新登录。"),
        ErrorCode.FORBIDDEN: translate("Errors", "没有权限进行此操作。"),
        ErrorCode.BAD_CREDENTIALS: translate("Errors", "考点代码或密码不正确，请检查后重试。"),
        ErrorCode.NOT_FOUND: translate("Errors", "没有找到相关信息。"),
        ErrorCode.FEE_UNPAID: translate("Errors", "请先缴纳考试费用。"),
        ErrorCode.CONFLICT: translate("Errors", "该操作与现有信息冲突（例如该手机号已被使用）。"),
        ErrorCode.INVALID_REQUEST: translate("Errors", "提交的信息不完整或格式不正确。"),
        ErrorCode.SERVER_ERROR: translate("Errors", "考试平台暂时出现故障，请稍后重试。"),
        ErrorCode.BAD_RESPONSE: translate("Errors", "考试平台返回了无法识别的内容，请稍后重试。"),
    }
    text = texts.get(error.code, translate("Errors", "出现了意外错误，请稍后重试。"))
    if error.code is ErrorCode.RATE_LIMITED and error.retry_after:
        text = translate("Errors", "操作太频繁，请在 {0} 秒后再试。").format(int(error.retry_after + 0.999))
    return text
