<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于艺术评价</source>
        <translation>About ArtReview</translation>
    </message>
    <message>
        <source>&lt;h2&gt;艺术评价 ArtReview Desktop&lt;/h2&gt;&lt;p&gt;版本 {0}&lt;/p&gt;&lt;p&gt;本程序以 GNU GPL 第 3 版或更高版本发布。&lt;/p&gt;&lt;p&gt;Python {1} · Qt for Python {2}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ArtReview Desktop (艺术评价)&lt;/h2&gt;&lt;p&gt;Version {0}&lt;/p&gt;&lt;p&gt;Released under the GNU GPL, version 3 or later.&lt;/p&gt;&lt;p&gt;Python {1} · Qt for Python {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>第三方软件许可：</source>
        <translation>Third-party licences:</translation>
    </message>
    <message>
        <source>找不到第三方许可文件：{0}</source>
        <translation>The third-party licence file is missing: {0}</translation>
    </message>
</context>
<context>
    <name>AccountSecurityDialog</name>
    <message>
        <source>账号安全</source>
        <translation>Account security</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>更换登录手机号：验证码会发送到新手机号，验证后新手机号即为您的账号。</source>
        <translation>Change the phone number you log in with: a code goes to the new number; once verified, the new number is your account.</translation>
    </message>
    <message>
        <source>新的 11 位手机号</source>
        <translation>New 11-digit phone number</translation>
    </message>
    <message>
        <source>确认修改</source>
        <translation>Confirm change</translation>
    </message>
    <message>
        <source>修改账号</source>
        <translation>Change account</translation>
    </message>
    <message>
        <source>把平台保存的您的全部信息、本机的同意记录和操作日志导出为一个 JSON 文件，保存到您选择的位置。</source>
        <translation>Export everything the platform holds about you, this computer's consent records and the operation log as one JSON file, saved where you choose.</translation>
    </message>
    <message>
        <source>导出我的数据…</source>
        <translation>Export my data…</translation>
    </message>
    <message>
        <source>导出我的数据</source>
        <translation>Export my data</translation>
    </message>
    <message>
        <source>注销后，平台会删除您的账号、考试记录和已上传的视频与照片，本机上该账号的数据也会被清除，且无法恢复。为确认是您本人操作，验证码会发送到您当前的手机号。</source>
        <translation>After deletion the platform deletes your account, exam records and uploaded videos and photos, and this computer's data of the account is wiped. This cannot be undone. To confirm it is you, a code is sent to your current phone number.</translation>
    </message>
    <message>
        <source>我已了解注销后数据无法恢复</source>
        <translation>I understand that deleted data cannot be recovered</translation>
    </message>
    <message>
        <source>注销账号</source>
        <translation>Delete account</translation>
    </message>
    <message>
        <source>撤回同意后，本程序将停止处理您的个人信息：退出登录，并清除本机保存的个人数据。</source>
        <translation>Once you withdraw consent, the app stops processing your personal information: it logs you out and wipes the personal data kept on this computer.</translation>
    </message>
    <message>
        <source>本机还有 {0} 个录制文件，也会被删除；如需保留，请先完成上传。</source>
        <translation> There are still {0} recordings on this computer; they will be deleted too. To keep them, finish uploading first.</translation>
    </message>
    <message>
        <source>撤回同意</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>对个人信息有疑问、意见或投诉，请联系我们：
客服电话：400-166-8807（周一至周五 9:00–18:00）
电子邮件：xiaoyibang@zego.im
我们会在验证您的身份后 15 个工作日内答复。</source>
        <translation>For questions, comments or complaints about personal information, contact us:
Customer service: 400-166-8807 (Mon–Fri 9:00–18:00)
E-mail: xiaoyibang@zego.im
We reply within 15 working days after verifying your identity.</translation>
    </message>
    <message>
        <source>联系我们</source>
        <translation>Contact us</translation>
    </message>
    <message>
        <source>手机号已修改为 {0}。</source>
        <translation>The phone number is now {0}.</translation>
    </message>
    <message>
        <source>已导出到：{0}</source>
        <translation>Exported to: {0}</translation>
    </message>
    <message>
        <source>请先勾选“我已了解注销后数据无法恢复”。</source>
        <translation>Please tick “I understand that deleted data cannot be recovered” first.</translation>
    </message>
    <message>
        <source>确定要撤回同意吗？</source>
        <translation>Do you really want to withdraw your consent?</translation>
    </message>
    <message>
        <source>验证码已发送，5 分钟内有效。</source>
        <translation>Code sent; it is valid for 5 minutes.</translation>
    </message>
</context>
<context>
    <name>BirthDateDialog</name>
    <message>
        <source>考生出生日期</source>
        <translation>Candidate's date of birth</translation>
    </message>
    <message>
        <source>请填写考生本人的出生日期。它只用于未成年人保护：未满十四周岁的考生需要监护人同意后才能使用。</source>
        <translation>Please enter the candidate's own date of birth. It is used only to protect minors: candidates under 14 need a guardian's consent before using the app.</translation>
    </message>
    <message>
        <source>出生日期(&amp;B)</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>下一步(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>请填写正确的出生日期。</source>
        <translation>Please enter a valid date of birth.</translation>
    </message>
</context>
<context>
    <name>CodeButton</name>
    <message>
        <source>获取验证码</source>
        <translation>Get code</translation>
    </message>
    <message>
        <source>重新获取</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>重新获取（{0} 秒）</source>
        <translation>Send again ({0} s)</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>隐私政策</source>
        <translation>Privacy policy</translation>
    </message>
    <message>
        <source>欢迎使用艺术评价。在使用前，请仔细阅读《隐私政策》和《儿童隐私保护声明》。您同意之前，本程序不会收集任何个人信息。</source>
        <translation>Welcome to ArtReview. Before you start, please read the Privacy Policy and the Children's Privacy Statement carefully. Until you agree, the app collects no personal information.</translation>
    </message>
    <message>
        <source>《隐私政策》已更新为 {0} 版（您之前同意的是 {1} 版）。请阅读变更内容，同意后才能继续使用。</source>
        <translation>The Privacy Policy has been updated to version {0} (you agreed to version {1}). Please read the changes; you can continue once you agree.</translation>
    </message>
    <message>
        <source>本次更新：</source>
        <translation>What changed:</translation>
    </message>
    <message>
        <source>儿童隐私保护声明</source>
        <translation>Children's Privacy Statement</translation>
    </message>
    <message>
        <source>我已阅读并同意《隐私政策》和《儿童隐私保护声明》(&amp;R)</source>
        <translation>I have &amp;read and agree to the Privacy Policy and the Children's Privacy Statement</translation>
    </message>
    <message>
        <source>未满十四周岁的小朋友，请让爸爸妈妈或其他监护人阅读并代为同意。</source>
        <translation>Children under 14: please ask your mum, dad or another guardian to read this and agree for you.</translation>
    </message>
    <message>
        <source>不同意(&amp;D)</source>
        <translation>&amp;Disagree</translation>
    </message>
    <message>
        <source>同意(&amp;A)</source>
        <translation>&amp;Agree</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>程序遇到了问题</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>很抱歉，程序出现了一个意外错误。您的录制文件不会丢失，可以继续使用或重新启动程序。</source>
        <translation>Sorry, the app ran into an unexpected error. Your recordings are safe; you can keep working or restart the app.</translation>
    </message>
    <message>
        <source>错误报告已保存在本机（不含手机号、验证码等个人信息），未经您同意不会上传：
{0}</source>
        <translation>An error report was saved on this computer (without phone numbers, codes or other personal data). It is never sent without your consent:
{0}</translation>
    </message>
    <message>
        <source>打开报告所在文件夹</source>
        <translation>Open the report's folder</translation>
    </message>
    <message>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>EquipmentCheckPage</name>
    <message>
        <source>设备检测</source>
        <translation>Equipment check</translation>
    </message>
    <message>
        <source>检查摄像头画面、麦克风音量、扬声器、磁盘空间、上传速度和电脑性能，并告诉您需要调整什么。</source>
        <translation>Checks the camera picture, microphone level, speakers, disk space, upload speed and computer speed, and tells you what to fix.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>请输入正确的手机号：中国大陆 11 位手机号，例如 138 1234 5678。</source>
        <translation>Please enter a valid phone number: an 11-digit mainland-China mobile number, e.g. 138 1234 5678.</translation>
    </message>
    <message>
        <source>出现了意外错误，请稍后重试。</source>
        <translation>Something unexpected went wrong. Please try again later.</translation>
    </message>
    <message>
        <source>无法连接考试平台，请检查网络后重试。</source>
        <translation>The exam platform cannot be reached. Please check your network and try again.</translation>
    </message>
    <message>
        <source>考试平台响应超时，请稍后重试。</source>
        <translation>The exam platform took too long to answer. Please try again later.</translation>
    </message>
    <message>
        <source>操作太频繁，请稍后再试。</source>
        <translation>Too many attempts. Please try again later.</translation>
    </message>
    <message>
        <source>今天获取验证码的次数已用完，请明天再试。</source>
        <translation>No more codes can be sent today. Please try again tomorrow.</translation>
    </message>
    <message>
        <source>验证码不正确，请检查后重新输入。</source>
        <translation>The code is not correct. Please check it and enter it again.</translation>
    </message>
    <message>
        <source>验证码已过期（有效期 5 分钟），请重新获取。</source>
        <translation>The code has expired (codes are valid for 5 minutes). Please request a new one.</translation>
    </message>
    <message>
        <source>验证码输错次数太多，已失效，请重新获取。</source>
        <translation>The code was entered wrongly too many times and no longer works. Please request a new one.</translation>
    </message>
    <message>
        <source>请先获取验证码。</source>
        <translation>Please request a code first.</translation>
    </message>
    <message>
        <source>请先登录。</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>登录已过期，请重新登录。</source>
        <translation>Your login has expired. Please log in again.</translation>
    </message>
    <message>
        <source>没有权限进行此操作。</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>没有找到相关信息。</source>
        <translation>Nothing was found.</translation>
    </message>
    <message>
        <source>请先缴纳考试费用。</source>
        <translation>Please pay the exam fee first.</translation>
    </message>
    <message>
        <source>该操作与现有信息冲突（例如该手机号已被使用）。</source>
        <translation>This conflicts with existing information (for example, the phone number is already in use).</translation>
    </message>
    <message>
        <source>提交的信息不完整或格式不正确。</source>
        <translation>Some information is missing or in the wrong format.</translation>
    </message>
    <message>
        <source>考试平台暂时出现故障，请稍后重试。</source>
        <translation>The exam platform has a temporary fault. Please try again later.</translation>
    </message>
    <message>
        <source>考试平台返回了无法识别的内容，请稍后重试。</source>
        <translation>The exam platform sent an answer the app does not understand. Please try again later.</translation>
    </message>
    <message>
        <source>操作太频繁，请在 {0} 秒后再试。</source>
        <translation>Too many attempts. Please try again in {0} s.</translation>
    </message>
</context>
<context>
    <name>ExamsPage</name>
    <message>
        <source>我的考试</source>
        <translation>My exams</translation>
    </message>
    <message>
        <source>查看已报名的考级科目、曲目、录制时长和剩余次数，缴纳考试费用，阅读考试须知并签署诚信承诺书。</source>
        <translation>See the exams you registered for, their pieces, recording lengths and attempts left; pay the exam fee; read the exam instructions and sign the commitment letter.</translation>
    </message>
</context>
<context>
    <name>GuardianConsentDialog</name>
    <message>
        <source>监护人同意</source>
        <translation>Guardian's consent</translation>
    </message>
    <message>
        <source>考生未满十八周岁。请监护人（如父母）阅读《儿童隐私保护声明》，验证手机号后代为同意。</source>
        <translation>The candidate is under 18. A guardian (such as a parent) please read the Children's Privacy Statement, verify their phone number and agree on the candidate's behalf.</translation>
    </message>
    <message>
        <source>母亲</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>父亲</source>
        <translation>Father</translation>
    </message>
    <message>
        <source>其他监护人</source>
        <translation>Other guardian</translation>
    </message>
    <message>
        <source>监护人的 11 位手机号</source>
        <translation>Guardian's 11-digit phone number</translation>
    </message>
    <message>
        <source>监护人姓名(&amp;N)</source>
        <translation>Guardian's &amp;name</translation>
    </message>
    <message>
        <source>与考生关系(&amp;R)</source>
        <translation>&amp;Relationship to the candidate</translation>
    </message>
    <message>
        <source>监护人手机号(&amp;P)</source>
        <translation>Guardian's &amp;phone</translation>
    </message>
    <message>
        <source>验证码(&amp;C)</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>我是考生的监护人，已阅读并同意《隐私政策》和《儿童隐私保护声明》(&amp;G)</source>
        <translation>I am the candidate's &amp;guardian and have read and agree to the Privacy Policy and the Children's Privacy Statement</translation>
    </message>
    <message>
        <source>稍后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>同意并提交(&amp;S)</source>
        <translation>Agree and &amp;submit</translation>
    </message>
    <message>
        <source>验证码已发送到监护人手机，5 分钟内有效。</source>
        <translation>A code was sent to the guardian's phone; it is valid for 5 minutes.</translation>
    </message>
    <message>
        <source>请填写监护人姓名。</source>
        <translation>Please enter the guardian's name.</translation>
    </message>
    <message>
        <source>请输入监护人手机收到的 6 位验证码。</source>
        <translation>Please enter the 6-digit code the guardian's phone received.</translation>
    </message>
    <message>
        <source>请监护人勾选同意后再提交。</source>
        <translation>Guardian, please tick the box to agree before submitting.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>欢迎使用艺术评价</source>
        <translation>Welcome to ArtReview</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>您还没有登录。登录后可以查看考试、录制和上传。</source>
        <translation>You are not logged in. Log in to see your exams, record and upload.</translation>
    </message>
    <message>
        <source>已登录：{0}</source>
        <translation>Logged in: {0}</translation>
    </message>
    <message>
        <source>登录(&amp;L)</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>在家或在考点完成艺术考级视频录制：按下面的步骤操作，每一步都会提示您需要做什么。</source>
        <translation>Record your graded art exam at home or at an exam centre: follow the steps below; each step tells you what to do.</translation>
    </message>
    <message>
        <source>演示模式：使用本机内置的考试平台和存储服务，不会连接真实平台，验证码可在演示收件箱中查看。</source>
        <translation>Demo mode: the app uses a built-in exam platform and storage on this computer and never contacts the real platform; verification codes appear in the demo inbox.</translation>
    </message>
    <message>
        <source>用手机号和短信验证码登录；未满十四周岁需监护人同意。</source>
        <translation>Log in with your phone number and an SMS code; children under 14 need a guardian's consent.</translation>
    </message>
    <message>
        <source>拍摄或上传照片，自动裁剪为标准证件照；离开页面后照片自动删除。</source>
        <translation>Take or upload a photo; it is cropped to a standard ID photo and deleted automatically when you leave the page.</translation>
    </message>
    <message>
        <source>检查摄像头、麦克风、磁盘空间和网络，确保录制顺利。</source>
        <translation>Check the camera, microphone, disk space and network so that recording goes smoothly.</translation>
    </message>
    <message>
        <source>先模拟考试熟悉流程，再进行正式考试录制。</source>
        <translation>Try a practice exam first, then record the formal exam.</translation>
    </message>
    <message>
        <source>录制完成后自动上传，断网后可继续，平台校验通过才算完成。</source>
        <translation>Takes upload automatically, resume after a lost connection, and count as done only once the platform has verified them.</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>标准证件照</source>
        <translation>Standard ID photo</translation>
    </message>
    <message>
        <source>设备检测</source>
        <translation>Equipment check</translation>
    </message>
    <message>
        <source>考级视频录制</source>
        <translation>Exam recording</translation>
    </message>
    <message>
        <source>上传</source>
        <translation>Upload</translation>
    </message>
</context>
<context>
    <name>IdPhotoPage</name>
    <message>
        <source>标准证件照</source>
        <translation>Standard ID photo</translation>
    </message>
    <message>
        <source>拍照或上传照片，按考试要求裁剪并检查证件照。人脸图像只用于制作证件照，离开本页面或退出程序时自动删除。</source>
        <translation>Take or upload a photo, crop it to the exam's ID-photo rules and check it. Face images are used only to make the ID photo and are deleted automatically when you leave this page or quit.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>请使用报名时登记的手机号登录。手机号即您的账号。</source>
        <translation>Please log in with the phone number you registered with. Your phone number is your account.</translation>
    </message>
    <message>
        <source>11 位手机号</source>
        <translation>11-digit phone number</translation>
    </message>
    <message>
        <source>手机号(&amp;P)</source>
        <translation>&amp;Phone number</translation>
    </message>
    <message>
        <source>6 位验证码</source>
        <translation>6-digit code</translation>
    </message>
    <message>
        <source>验证码(&amp;C)</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>登录(&amp;L)</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>您没有允许“登录”权限，无法发送验证码。可在“我的 · 设置 · 隐私”中允许。</source>
        <translation>You did not allow the “Log in” permission, so no code can be sent. You can allow it in “Me · Settings · Privacy”.</translation>
    </message>
    <message>
        <source>正在发送验证码…</source>
        <translation>Sending the code…</translation>
    </message>
    <message>
        <source>验证码已发送，5 分钟内有效。</source>
        <translation>Code sent; it is valid for 5 minutes.</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>正在检测网络…</source>
        <translation>Checking the network…</translation>
    </message>
    <message>
        <source>● 已连接考试平台</source>
        <translation>● Connected to the exam platform</translation>
    </message>
    <message>
        <source>网络：未检测</source>
        <translation>Network: not checked</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>● 离线：您未允许使用网络</source>
        <translation>● Offline: you did not allow network use</translation>
    </message>
    <message>
        <source>● 离线：无法连接考试平台</source>
        <translation>● Offline: the exam platform cannot be reached</translation>
    </message>
    <message>
        <source>设置文件已损坏，已恢复默认设置。原文件已备份为：
{0}</source>
        <translation>The settings file was damaged, so the default settings are in use. The old file was kept as:
{0}</translation>
    </message>
    <message>
        <source>设置文件来自更新版本的程序，已备份为：
{0}</source>
        <translation>The settings file comes from a newer version of the app; it was backed up as:
{0}</translation>
    </message>
    <message>
        <source>无法读取设置文件，本次使用默认设置。</source>
        <translation>The settings file could not be read; the default settings are in use this time.</translation>
    </message>
    <message>
        <source>设置项 {0} 的值无效，已使用默认值。</source>
        <translation>The value of setting {0} was invalid; its default is in use.</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>艺术评价 · 考级视频录制</source>
        <translation>ArtReview · Exam recording</translation>
    </message>
    <message>
        <source>艺术评价</source>
        <translation>ArtReview</translation>
    </message>
    <message>
        <source>{0}(Ctrl+{1})</source>
        <translation>{0} (Ctrl+{1})</translation>
    </message>
    <message>
        <source>演示模式</source>
        <translation>Demo mode</translation>
    </message>
</context>
<context>
    <name>MinorsFlow</name>
    <message>
        <source>谁来同意？</source>
        <translation>Who agrees?</translation>
    </message>
    <message>
        <source>考生已满十四周岁、未满十八周岁：可以由考生本人同意，也可以请监护人同意。</source>
        <translation>The candidate is 14 to 17: the candidate may agree themself, or ask a guardian to agree.</translation>
    </message>
    <message>
        <source>我自己同意</source>
        <translation>I agree myself</translation>
    </message>
    <message>
        <source>请监护人同意</source>
        <translation>Ask my guardian</translation>
    </message>
    <message>
        <source>无法提交</source>
        <translation>Could not submit</translation>
    </message>
</context>
<context>
    <name>NetworkPrompt</name>
    <message>
        <source>网络检测</source>
        <translation>Network check</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>离线使用</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>考试平台长时间没有响应。</source>
        <translation>The exam platform did not answer in time.</translation>
    </message>
    <message>
        <source>无法连接到考试平台，请检查网络连接（Wi-Fi 或网线）。</source>
        <translation>The exam platform cannot be reached. Please check your network connection (Wi-Fi or cable).</translation>
    </message>
    <message>
        <source>考试平台暂时无法提供服务，请稍后再试。</source>
        <translation>The exam platform is temporarily unavailable. Please try again later.</translation>
    </message>
    <message>
        <source>您可以重试，或先离线使用：证件照、设备检测和练习录制不需要网络；上传会在联网后自动继续。</source>
        <translation>You can retry, or work offline for now: the ID photo, equipment check and practice recording need no network; uploads continue once you are back online.</translation>
    </message>
    <message>
        <source>网络异常。</source>
        <translation>Network problem.</translation>
    </message>
</context>
<context>
    <name>PermissionGate</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>您没有允许使用{0}，因此这项功能暂时不能使用。其他功能不受影响。</source>
        <translation>You did not allow {0}, so this feature cannot be used for now. Everything else still works.</translation>
    </message>
    <message>
        <source>如需使用，请在“我的 · 设置 · 隐私”中允许该权限。</source>
        <translation>To use it, allow the permission in “Me · Settings · Privacy”.</translation>
    </message>
    <message>
        <source>系统也拒绝了{0}权限：Windows 请打开“设置 → 隐私和安全性 → 相机/麦克风”，macOS 请打开“系统设置 → 隐私与安全性 → 相机/麦克风”，允许“艺术评价”后重新启动程序。</source>
        <translation>The system also refused {0}: on Windows open “Settings → Privacy &amp; security → Camera/Microphone”, on macOS open “System Settings → Privacy &amp; Security → Camera/Microphone”, allow “ArtReview”, then restart the app.</translation>
    </message>
    <message>
        <source>功能未开启</source>
        <translation>Feature off</translation>
    </message>
</context>
<context>
    <name>PermissionPrompt</name>
    <message>
        <source>权限请求</source>
        <translation>Permission request</translation>
    </message>
    <message>
        <source>“艺术评价”需要使用：{0}</source>
        <translation>“ArtReview” would like to use: {0}</translation>
    </message>
    <message>
        <source>用途：{0}</source>
        <translation>Purpose: {0}</translation>
    </message>
    <message>
        <source>用于：{0}</source>
        <translation>Used for: {0}</translation>
    </message>
    <message>
        <source>如果不允许，只有这项功能不能使用，其他功能不受影响。您可以随时在“我的 · 设置 · 隐私”中更改。</source>
        <translation>If you do not allow it, only this feature will be unavailable; everything else keeps working. You can change this at any time in “Me · Settings · Privacy”.</translation>
    </message>
    <message>
        <source>允许</source>
        <translation>Allow</translation>
    </message>
    <message>
        <source>不允许</source>
        <translation>Don't allow</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>无线网络</source>
        <translation>Network (Wi-Fi)</translation>
    </message>
    <message>
        <source>全部功能</source>
        <translation>All features</translation>
    </message>
    <message>
        <source>连接考试平台和上传服务：登录、获取考试、上传录制文件。</source>
        <translation>Connect to the exam platform and the upload service: log in, get your exams, upload recordings.</translation>
    </message>
    <message>
        <source>程序启动时检测网络状态</source>
        <translation>When the program starts, the network state is checked</translation>
    </message>
    <message>
        <source>相机</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>标准证件照、考级视频录制</source>
        <translation>Standard ID photo, exam recording</translation>
    </message>
    <message>
        <source>拍摄标准证件照，录制考生视频。</source>
        <translation>Take the standard ID photo; record the candidate's video.</translation>
    </message>
    <message>
        <source>点击“拍照”时</source>
        <translation>When “Take photo” is clicked</translation>
    </message>
    <message>
        <source>写入存储</source>
        <translation>Write storage</translation>
    </message>
    <message>
        <source>考级视频录制</source>
        <translation>Exam recording</translation>
    </message>
    <message>
        <source>把录制的考级视频保存到您选择的存储位置。</source>
        <translation>Save the recorded exam video in the storage location you chose.</translation>
    </message>
    <message>
        <source>正式考试中点击“开始录制/再次录制”时</source>
        <translation>When “Start recording / Record again” is clicked in the formal exam</translation>
    </message>
    <message>
        <source>读取存储</source>
        <translation>Read storage</translation>
    </message>
    <message>
        <source>读取录制好的视频文件，用于回放检查和上传。</source>
        <translation>Read the recorded video files to play them back for checking and to upload them.</translation>
    </message>
    <message>
        <source>麦克风</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>录制考级视频的声音，并进行语音交互。</source>
        <translation>Record the sound of the exam video, and voice interaction.</translation>
    </message>
    <message>
        <source>点击“开始录制/再次录制”时</source>
        <translation>When “Start recording / Record again” is clicked</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>获取验证码</source>
        <translation>Get code</translation>
    </message>
    <message>
        <source>向您的手机号发送验证码，以验证身份。</source>
        <translation>Send a verification code to your phone number to verify your identity.</translation>
    </message>
    <message>
        <source>获取验证码时</source>
        <translation>When a verification code is requested</translation>
    </message>
</context>
<context>
    <name>PolicyOnlyPage</name>
    <message>
        <source>隐私政策</source>
        <translation>Privacy policy</translation>
    </message>
    <message>
        <source>您没有同意《隐私政策》，因此本程序不会收集任何信息，也不能登录、拍照或录制。您可以阅读政策后重新选择，或退出程序。</source>
        <translation>You did not agree to the Privacy Policy, so the app collects no information and cannot log in, take photos or record. You can read the policy and choose again, or quit.</translation>
    </message>
    <message>
        <source>退出程序(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>阅读并重新选择(&amp;C)</source>
        <translation>Read and &amp;choose again</translation>
    </message>
</context>
<context>
    <name>RecordingPage</name>
    <message>
        <source>考级视频录制</source>
        <translation>Exam recording</translation>
    </message>
    <message>
        <source>点击“开始录制/再次录制”录制考级视频：倒计时和语音提示后开始，录制中显示用时、音量和剩余次数。</source>
        <translation>Click “Start recording / Record again” to record your exam: recording starts after a countdown and spoken prompts, and shows the time, sound level and attempts left.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>我的 · 设置</source>
        <translation>Me · Settings</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>启动时检测网络</source>
        <translation>Check the network at start-up</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>设置文件夹</source>
        <translation>Settings folder</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>关于艺术评价(&amp;A)</source>
        <translation>&amp;About ArtReview</translation>
    </message>
    <message>
        <source>隐私 · 权限</source>
        <translation>Privacy · Permissions</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>账号安全…</source>
        <translation>Account security…</translation>
    </message>
    <message>
        <source>已登录：{0}</source>
        <translation>Logged in: {0}</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>已允许</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>本次已拒绝</source>
        <translation>Refused this session</translation>
    </message>
    <message>
        <source>使用时询问</source>
        <translation>Ask when used</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>允许</source>
        <translation>Allow</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>艺术评价无法启动</source>
        <translation>ArtReview could not start</translation>
    </message>
    <message>
        <source>程序无法启动：{0}

错误报告已保存在本机：{1}</source>
        <translation>The app could not start: {0}

An error report was saved on this computer: {1}</translation>
    </message>
</context>
<context>
    <name>UpcomingFeaturePage</name>
    <message>
        <source>此功能尚未在当前版本中开放。</source>
        <translation>This feature is not available in this version yet.</translation>
    </message>
</context>
<context>
    <name>UploadsPage</name>
    <message>
        <source>上传中心</source>
        <translation>Upload centre</translation>
    </message>
    <message>
        <source>查看每个录制文件的上传进度、速度和状态；断网或关机后会从中断处继续上传。</source>
        <translation>See each take's upload progress, speed and state; uploads resume where they stopped after a lost connection or a shutdown.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>导出我的数据</source>
        <translation>Export my data</translation>
    </message>
    <message>
        <source>6 位验证码</source>
        <translation>6-digit code</translation>
    </message>
</context>
</TS>