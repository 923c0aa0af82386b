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
        <translation>Export everything the platform holds about you, this computer&apos;s consent records and the operation log as one JSON file, saved where you choose.</translation>
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
        <source>6 位验证码</source>
        <translation>6-digit code</translation>
    </message>
    <message>
        <source>注销后，平台会删除您的账号、考试记录和已上传的视频与照片，本机上该账号的数据也会被清除，且无法恢复。为确认是您本人操作，验证码会发送到您当前的手机号。</source>
        <translation>After deletion the platform deletes your account, exam records and uploaded videos and photos, and this computer&apos;s data of the account is wiped. This cannot be undone. To confirm it is you, a code is sent to your current phone number.</translation>
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
        <translation>Please tick &quot;I understand that deleted data cannot be recovered&quot; first.</translation>
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
        <translation>Candidate&apos;s date of birth</translation>
    </message>
    <message>
        <source>请填写考生本人的出生日期。它只用于未成年人保护：未满十四周岁的考生需要监护人同意后才能使用。</source>
        <translation>Please enter the candidate&apos;s own date of birth. It is used only to protect minors: candidates under 14 need a guardian&apos;s consent before using the app.</translation>
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
    <name>CentreLoginDialog</name>
    <message>
        <source>考点登录</source>
        <translation>Centre login</translation>
    </message>
    <message>
        <source>考点：{0}。请监考老师用考点账号登录，登录后才能为考生签到和上传录制。</source>
        <translation>Centre: {0}. Invigilator, please log in with the centre account; candidates can check in and recordings can upload only after that.</translation>
    </message>
    <message>
        <source>考点代码</source>
        <translation>Centre code</translation>
    </message>
    <message>
        <source>考点代码(&amp;C)</source>
        <translation>Centre &amp;code</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>退出考点模式</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>登录(&amp;L)</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>请填写考点代码和密码。</source>
        <translation>Please enter the centre code and the password.</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Logging in...</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>考生签到</source>
        <translation>Candidate check-in</translation>
    </message>
    <message>
        <source>请输入准考证号（在准考证上，以 AR 开头）</source>
        <translation>Enter the admission-ticket number (it is on your admission ticket and starts with AR)</translation>
    </message>
    <message>
        <source>签到(&amp;C)</source>
        <translation>&amp;Check in</translation>
    </message>
    <message>
        <source>返回(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>请输入完整的准考证号。</source>
        <translation>Please enter the complete admission-ticket number.</translation>
    </message>
    <message>
        <source>正在签到…</source>
        <translation>Checking in…</translation>
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
        <translation>Welcome to ArtReview. Before you start, please read the Privacy Policy and the Children&apos;s Privacy Statement carefully. Until you agree, the app collects no personal information.</translation>
    </message>
    <message>
        <source>《儿童隐私保护声明》已更新为 {0} 版。请阅读变更内容，同意后才能继续使用。</source>
        <translation>The Children&apos;s Privacy Statement has been updated to version {0}. Please read the changes; you can go on once you agree.</translation>
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
        <translation>Children&apos;s Privacy Statement</translation>
    </message>
    <message>
        <source>我已阅读并同意《隐私政策》和《儿童隐私保护声明》(&amp;R)</source>
        <translation>I have &amp;read and agree to the Privacy Policy and the Children&apos;s Privacy Statement</translation>
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
        <translation>Open the report&apos;s folder</translation>
    </message>
    <message>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>CrashUploadDialog</name>
    <message>
        <source>发送错误报告</source>
        <translation>Send error report</translation>
    </message>
    <message>
        <source>艺术评价上次运行时出现了错误。发送错误报告可以帮助我们修复问题。报告已去除手机号、验证码等个人信息，也不关联您的账号。是否发送给艺术评价平台？</source>
        <translation>ArtReview ran into an error the last time it ran. Sending an error report helps us fix the problem. Phone numbers, codes and other personal information have been removed from the report, and it is not linked to your account. Send it to the ArtReview platform?</translation>
    </message>
    <message>
        <source>以后：总是询问</source>
        <translation>From now on: always ask</translation>
    </message>
    <message>
        <source>以后：从不发送</source>
        <translation>From now on: never send</translation>
    </message>
    <message>
        <source>不发送</source>
        <translation>Don&apos;t send</translation>
    </message>
    <message>
        <source>将要发送的内容：</source>
        <translation>What will be sent:</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>监考老师面板</source>
        <translation>Invigilator panel</translation>
    </message>
    <message>
        <source>今日考生：{0} 人</source>
        <translation>Candidates today: {0}</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;签到 {2}&#x3000;录制 {3} 个</source>
        <translation>{0}  {1}  checked in {2}  {3} takes</translation>
    </message>
    <message>
        <source>上传：</source>
        <translation>Uploads:</translation>
    </message>
    <message>
        <source>没有上传任务</source>
        <translation>No uploads</translation>
    </message>
    <message>
        <source>磁盘剩余：{0:.1f} GB&#x3000;设备：{1}</source>
        <translation>Disk space left: {0:.1f} GB  Devices: {1}</translation>
    </message>
    <message>
        <source>未检测到摄像头</source>
        <translation>No camera found</translation>
    </message>
    <message>
        <source>没有异常事件</source>
        <translation>No unusual events</translation>
    </message>
    <message>
        <source>锁定事件（切换窗口、显示器变化、被拦截的按键）：</source>
        <translation>Lock-down events (window switches, display changes, blocked keys):</translation>
    </message>
    <message>
        <source>重试失败的上传(&amp;U)</source>
        <translation>Retry failed &amp;uploads</translation>
    </message>
    <message>
        <source>导出未上传的录制…(&amp;E)</source>
        <translation>&amp;Export what is not uploaded...</translation>
    </message>
    <message>
        <source>网络长时间不可用时，把还没上传的录制和证件照解密保存到 U 盘等位置，交给考试机构。</source>
        <translation>When the network is down for long, save the recordings and ID photos not yet uploaded, decrypted, to a USB drive or similar and hand them to the exam organiser.</translation>
    </message>
    <message>
        <source>退出考点模式(&amp;X)</source>
        <translation>E&amp;xit exam-centre mode</translation>
    </message>
    <message>
        <source>返回考试(&amp;R)</source>
        <translation>&amp;Return to the exam</translation>
    </message>
</context>
<context>
    <name>EquipmentCheck</name>
    <message>
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>麦克风</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>扬声器</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>磁盘空间</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <source>电脑性能</source>
        <translation>Computer performance</translation>
    </message>
    <message>
        <source>上传速度</source>
        <translation>Upload speed</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>建议调整</source>
        <translation>Adjustment advised</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>{0:.1f} GB</source>
        <translation>{0:.1f} GB</translation>
    </message>
    <message>
        <source>{0:.0f} MB</source>
        <translation>{0:.0f} MB</translation>
    </message>
    <message>
        <source>没有画面</source>
        <translation>No picture</translation>
    </message>
    <message>
        <source>光线正常</source>
        <translation>Lighting OK</translation>
    </message>
    <message>
        <source>光线偏暗</source>
        <translation>A bit dark</translation>
    </message>
    <message>
        <source>光线过亮</source>
        <translation>Too bright</translation>
    </message>
    <message>
        <source>{0}×{1}，{2:.0f} 帧/秒，{3}</source>
        <translation>{0}×{1}, {2:.0f} fps, {3}</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <source>听到了声音（最大音量 {0:.0f}%）</source>
        <translation>Sound heard (peak level {0:.0f}%)</translation>
    </message>
    <message>
        <source>{0:.0f} 秒内没有听到足够大的声音（最大音量 {1:.1f}%）</source>
        <translation>No loud enough sound heard within {0:.0f} s (peak level {1:.1f}%)</translation>
    </message>
    <message>
        <source>您听到了测试音</source>
        <translation>You heard the test sound</translation>
    </message>
    <message>
        <source>您没有听到测试音</source>
        <translation>You did not hear the test sound</translation>
    </message>
    <message>
        <source>无法播放声音</source>
        <translation>Cannot play sound</translation>
    </message>
    <message>
        <source>可用 {0}，需要至少 {1}</source>
        <translation>{0} free, at least {1} needed</translation>
    </message>
    <message>
        <source>可按 {0}×{1} 实时录制（编码 {2}，{3:.0f} 帧/秒）</source>
        <translation>Can record live at {0}×{1} (encoder {2}, {3:.0f} fps)</translation>
    </message>
    <message>
        <source>即使降到 {0}×{1} 也无法实时编码（{2:.0f} 帧/秒，需要 {3:.0f}）</source>
        <translation>Cannot encode in real time even at {0}×{1} ({2:.0f} fps, {3:.0f} needed)</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>未选择考试</source>
        <translation>No exam selected</translation>
    </message>
    <message>
        <source>考试费用未缴纳</source>
        <translation>Exam fee not paid</translation>
    </message>
    <message>
        <source>测试文件上传失败</source>
        <translation>Test file upload failed</translation>
    </message>
    <message>
        <source>{0:.2f} MB/秒，最长的视频约需 {1} 分钟上传</source>
        <translation>{0:.2f} MB/s; the longest video takes about {1} min to upload</translation>
    </message>
    <message>
        <source>没有收到摄像头画面：请确认摄像头已连接、没有被其他程序（如视频会议软件）占用，并在系统设置中允许本程序使用摄像头，然后在上方重新选择摄像头。</source>
        <translation>No picture from the camera: make sure the camera is connected and not being used by another program (such as video-meeting software), and allow this app to use the camera in the system settings. Then choose the camera again above.</translation>
    </message>
    <message>
        <source>画面不够流畅（{0:.0f} 帧/秒，需要 25 帧/秒以上）：请关闭其他占用摄像头或电脑资源的程序，或选择较低的分辨率。</source>
        <translation>The picture is not smooth enough ({0:.0f} fps; 25 fps or more is needed): close other programs that use the camera or the computer&apos;s resources, or choose a lower resolution.</translation>
    </message>
    <message>
        <source>画面分辨率偏低（{0}×{1}）：请选择 1280×720 或更高的分辨率，或换用更清晰的摄像头。</source>
        <translation>The picture resolution is low ({0}×{1}): choose 1280×720 or higher, or use a sharper camera.</translation>
    </message>
    <message>
        <source>画面太暗：请打开房间的灯，面向窗户或光源，不要背对窗户。</source>
        <translation>The picture is too dark: turn on the room lights and face a window or a light; don&apos;t sit with your back to a window.</translation>
    </message>
    <message>
        <source>画面太亮：请避免强光直射镜头，拉上窗帘或调整摄像头方向。</source>
        <translation>The picture is too bright: keep strong light from shining straight into the lens, close the curtains or turn the camera.</translation>
    </message>
    <message>
        <source>无法打开麦克风：请确认麦克风已连接，并在系统设置中允许本程序使用麦克风，然后重新选择麦克风。</source>
        <translation>The microphone cannot be opened: make sure it is connected and allow this app to use the microphone in the system settings, then choose the microphone again.</translation>
    </message>
    <message>
        <source>没有听到声音：请检查麦克风是否静音、是否选对了麦克风，然后点击“请说话测试”，对着麦克风大声说话。</source>
        <translation>No sound heard: check that the microphone is not muted and that the right microphone is chosen, then click &quot;Speak to test&quot; and speak loudly into the microphone.</translation>
    </message>
    <message>
        <source>声音太小：请靠近麦克风说话，或在系统声音设置中调高麦克风音量。</source>
        <translation>The sound is too quiet: speak closer to the microphone, or turn up the microphone volume in the system sound settings.</translation>
    </message>
    <message>
        <source>声音太大，录音会失真：请离麦克风远一些，或在系统声音设置中调低麦克风音量。</source>
        <translation>The sound is too loud and the recording will be distorted: move a little away from the microphone, or turn down the microphone volume in the system sound settings.</translation>
    </message>
    <message>
        <source>无法播放声音：请连接扬声器或耳机，并在系统声音设置中选择正确的输出设备。</source>
        <translation>Cannot play sound: connect speakers or headphones, and choose the right output device in the system sound settings.</translation>
    </message>
    <message>
        <source>没有听到测试音：请调高电脑音量、取消静音，检查扬声器或耳机是否连接好，然后再播放一次。考试中的语音提示需要能听到。</source>
        <translation>You did not hear the test sound: turn up the computer&apos;s volume, unmute it, check that the speakers or headphones are connected properly, then play it again. You need to be able to hear the spoken prompts during the exam.</translation>
    </message>
    <message>
        <source>磁盘空间不足：还需要再腾出 {0}。请删除不需要的文件，或在“设置”中把录像保存到空间更大的磁盘。</source>
        <translation>Not enough disk space: free up another {0}. Delete files you don&apos;t need, or in &quot;Settings&quot; save the videos to a disk with more space.</translation>
    </message>
    <message>
        <source>磁盘空间只够录一两次：如果需要重录，空间可能不够。建议再腾出 {0}。</source>
        <translation>There is only enough disk space for one or two takes: if you need to record again, it may not be enough. We suggest freeing up another {0}.</translation>
    </message>
    <message>
        <source>电脑性能不足，录像可能会卡顿或丢帧：请关闭其他程序、接上电源，或换一台电脑录制。</source>
        <translation>The computer is not fast enough, so the video may stutter or drop frames: close other programs, plug in the power, or record on another computer.</translation>
    </message>
    <message>
        <source>电脑性能有限，录像将自动使用 {0}×{1}。想要更清晰，请关闭其他程序、接上电源后重新检测。</source>
        <translation>The computer&apos;s performance is limited, so recording will use {0}×{1} automatically. For a sharper picture, close other programs, plug in the power and check again.</translation>
    </message>
    <message>
        <source>登录后才能检测上传速度。</source>
        <translation>Log in to check the upload speed.</translation>
    </message>
    <message>
        <source>请先在“我的考试”中选择考试，再检测上传速度。</source>
        <translation>First choose an exam in &quot;My exams&quot;, then check the upload speed.</translation>
    </message>
    <message>
        <source>缴纳考试费用后才能检测上传速度。</source>
        <translation>Pay the exam fee to check the upload speed.</translation>
    </message>
    <message>
        <source>上传地址不在允许的境内区域，已拒绝上传。请联系考试机构。</source>
        <translation>The upload address is not in an allowed region inside China, so the upload was refused. Please contact the exam organisation.</translation>
    </message>
    <message>
        <source>无法上传测试文件：请检查网络连接后重新检测。</source>
        <translation>The test file could not be uploaded: check your network connection and check again.</translation>
    </message>
    <message>
        <source>网络上传较慢：请靠近路由器、改用有线网络，或暂停其他下载和视频播放。</source>
        <translation>Uploading is slow: move closer to the router, use a wired connection, or pause other downloads and video streaming.</translation>
    </message>
    <message>
        <source>请点击“请说话测试”，然后对着麦克风说话。</source>
        <translation>Click &quot;Speak to test&quot;, then speak into the microphone.</translation>
    </message>
    <message>
        <source>请点击“播放测试音”，并告诉我们是否听到了。</source>
        <translation>Click &quot;Play test sound&quot; and tell us whether you heard it.</translation>
    </message>
    <message>
        <source>请点击“开始检测”。</source>
        <translation>Click &quot;Start check&quot;.</translation>
    </message>
    <message>
        <source>正在检测……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>尚未检测</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>还没有检测。请点击“开始检测”，并完成麦克风和扬声器测试。</source>
        <translation>Not checked yet. Click &quot;Start check&quot; and complete the microphone and speaker tests.</translation>
    </message>
    <message>
        <source>有 {0} 项未通过，请按下面的提示处理后重新检测。</source>
        <translation>{0} item(s) did not pass. Please follow the tips below, then check again.</translation>
    </message>
    <message>
        <source>还有 {0} 项没有检测。</source>
        <translation>{0} item(s) not checked yet.</translation>
    </message>
    <message>
        <source>可以考试，但有 {0} 项建议调整。</source>
        <translation>You can take the exam, but {0} item(s) should be adjusted.</translation>
    </message>
    <message>
        <source>全部通过，可以开始考试。</source>
        <translation>Everything passed. You can start the exam.</translation>
    </message>
</context>
<context>
    <name>EquipmentCheckPage</name>
    <message>
        <source>设备检测</source>
        <translation>Equipment check</translation>
    </message>
    <message>
        <source>正在打开摄像头…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>摄像头 {0}（{1}×{2}）</source>
        <translation>Camera {0} ({1}×{2})</translation>
    </message>
    <message>
        <source>演示画面</source>
        <translation>Demo picture</translation>
    </message>
    <message>
        <source>摄像头 {0}（未检测到）</source>
        <translation>Camera {0} (not found)</translation>
    </message>
    <message>
        <source>视频文件：{0}</source>
        <translation>Video file: {0}</translation>
    </message>
    <message>
        <source>视频文件…</source>
        <translation>Video file…</translation>
    </message>
    <message>
        <source>系统默认麦克风</source>
        <translation>System default microphone</translation>
    </message>
    <message>
        <source>选择当作摄像头的视频文件</source>
        <translation>Choose a video file to use as the camera</translation>
    </message>
    <message>
        <source>视频文件 (*.mp4 *.mkv *.mov *.avi *.webm)</source>
        <translation>Video files (*.mp4 *.mkv *.mov *.avi *.webm)</translation>
    </message>
    <message>
        <source>没有收到摄像头画面</source>
        <translation>No picture from the camera</translation>
    </message>
    <message>
        <source>请对着麦克风说话……还剩 {0} 秒</source>
        <translation>Please speak into the microphone… {0} s left</translation>
    </message>
    <message>
        <source>正在播放测试音……</source>
        <translation>Playing the test sound…</translation>
    </message>
    <message>
        <source>您听到提示音了吗？</source>
        <translation>Did you hear the sound?</translation>
    </message>
    <message>
        <source>正在测试电脑性能……</source>
        <translation>Testing computer performance…</translation>
    </message>
    <message>
        <source>正在检查磁盘空间……</source>
        <translation>Checking disk space…</translation>
    </message>
    <message>
        <source>正在测试上传速度……</source>
        <translation>Testing upload speed…</translation>
    </message>
    <message>
        <source>正在检查摄像头画面……</source>
        <translation>Checking the camera picture…</translation>
    </message>
    <message>
        <source>点击后请说一句话，例如报出您的姓名；说话时音量条应越过竖线。</source>
        <translation>After clicking, say something, for example your name; while you speak, the level bar should go past the vertical line.</translation>
    </message>
    <message>
        <source>点击播放一段提示音，然后告诉我们是否听到了。</source>
        <translation>Click to play a short sound, then tell us whether you heard it.</translation>
    </message>
    <message>
        <source>开始检测</source>
        <translation>Start check</translation>
    </message>
    <message>
        <source>重新检测</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>✗ 无法打开摄像头。</source>
        <translation>✗ The camera cannot be opened.</translation>
    </message>
    <message>
        <source>正在打开摄像头……</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>光线正常</source>
        <translation>Lighting OK</translation>
    </message>
    <message>
        <source>光线偏暗</source>
        <translation>A bit dark</translation>
    </message>
    <message>
        <source>光线过亮</source>
        <translation>Too bright</translation>
    </message>
    <message>
        <source>{0}×{1}，摄像头 {2:.0f} 帧/秒，预览 {3:.0f} 帧/秒，{4}。请让考生和乐器都在虚线框内。</source>
        <translation>{0}×{1}, camera {2:.0f} fps, preview {3:.0f} fps, {4}. Please keep the candidate and the instrument inside the dashed frame.</translation>
    </message>
</context>
<context>
    <name>EquipmentView</name>
    <message>
        <source>考试前请逐项检查：摄像头画面清晰流畅，麦克风能听到您的声音，扬声器能听到提示音，磁盘空间、电脑性能和网络都够用。哪一项没通过，检测结果里会告诉您怎么解决。</source>
        <translation>Before the exam, please check each item: the camera picture is sharp and smooth, the microphone can hear your voice, you can hear the prompt sound from the speakers, and there is enough disk space, computer performance and network speed. If anything fails, the check results tell you how to fix it.</translation>
    </message>
    <message>
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>摄像头：</source>
        <translation>Camera:</translation>
    </message>
    <message>
        <source>分辨率：</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <source>麦克风</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>麦克风音量</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <source>请说话测试</source>
        <translation>Speak to test</translation>
    </message>
    <message>
        <source>扬声器</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>播放测试音</source>
        <translation>Play test sound</translation>
    </message>
    <message>
        <source>听到了</source>
        <translation>I heard it</translation>
    </message>
    <message>
        <source>没听到</source>
        <translation>I didn&apos;t hear it</translation>
    </message>
    <message>
        <source>电脑与网络</source>
        <translation>Computer and network</translation>
    </message>
    <message>
        <source>检测结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
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
        <source>考点代码或密码不正确，请检查后重试。</source>
        <translation>The centre code or the password is wrong. Please check them and try again.</translation>
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
    <name>ExamTexts</name>
    <message>
        <source>{0} {1} 级</source>
        <translation>{0} Grade {1}</translation>
    </message>
    <message>
        <source>{0} 分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} 秒</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>每次录制 {0} 至 {1}</source>
        <translation>Each take: {0} to {1}</translation>
    </message>
    <message>
        <source>开始录制后，请先报出姓名和准考证号，并向镜头出示身份证件。</source>
        <translation>After recording starts, first say your name and admission-ticket number, and show your ID document to the camera.</translation>
    </message>
    <message>
        <source>录制时不要报出姓名，也不要出示任何身份信息。</source>
        <translation>While recording, do not say your name or show any identifying information.</translation>
    </message>
    <message>
        <source>待缴费 ¥{0:.2f}</source>
        <translation>To pay: ¥{0:.2f}</translation>
    </message>
    <message>
        <source>已缴费</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>免缴费</source>
        <translation>No fee</translation>
    </message>
    <message>
        <source>正式考试可录制 {0} 次</source>
        <translation>Formal exam: up to {0} takes</translation>
    </message>
    <message>
        <source>正式考试剩余 {0} 次（共 {1} 次）</source>
        <translation>Formal exam: {0} of {1} attempts left</translation>
    </message>
</context>
<context>
    <name>ExamsPage</name>
    <message>
        <source>我的考试</source>
        <translation>My exams</translation>
    </message>
    <message>
        <source>登录(&amp;L)</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>登录后可以查看您报名的考试。</source>
        <translation>Log in to see the exams you registered for.</translation>
    </message>
    <message>
        <source>正在获取考试信息…</source>
        <translation>Getting exam information…</translation>
    </message>
    <message>
        <source>共 {0} 场考试。正式考试前请先完成模拟考试和设备检测。</source>
        <translation>Exams: {0}. Before the formal exam, please do the practice exam and the equipment check first.</translation>
    </message>
    <message>
        <source>考级曲目/内容：</source>
        <translation>Exam pieces/content:</translation>
    </message>
    <message>
        <source>模拟考试：可以练习，不限次数，不会提交。</source>
        <translation>Practice exam: practise as often as you like; nothing is submitted.</translation>
    </message>
    <message>
        <source>本科目没有模拟考试。</source>
        <translation>This subject has no practice exam.</translation>
    </message>
    <message>
        <source>准考证号：{0} · 证件照规格：{1}</source>
        <translation>Admission-ticket number: {0} · ID photo size: {1}</translation>
    </message>
    <message>
        <source>缴费</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>模拟考试</source>
        <translation>Practice exam</translation>
    </message>
    <message>
        <source>正式考试</source>
        <translation>Formal exam</translation>
    </message>
    <message>
        <source>缴费后才能进行正式考试</source>
        <translation>Pay the fee to take the formal exam</translation>
    </message>
    <message>
        <source>正式考试次数已用完</source>
        <translation>No formal exam attempts left</translation>
    </message>
</context>
<context>
    <name>GuardianConsentDialog</name>
    <message>
        <source>监护人同意</source>
        <translation>Guardian&apos;s consent</translation>
    </message>
    <message>
        <source>考生未满十八周岁。请监护人（如父母）阅读《儿童隐私保护声明》，验证手机号后代为同意。</source>
        <translation>The candidate is under 18. A guardian (such as a parent) please read the Children&apos;s Privacy Statement, verify their phone number and agree on the candidate&apos;s behalf.</translation>
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
        <translation>Guardian&apos;s 11-digit phone number</translation>
    </message>
    <message>
        <source>监护人姓名(&amp;N)</source>
        <translation>Guardian&apos;s &amp;name</translation>
    </message>
    <message>
        <source>与考生关系(&amp;R)</source>
        <translation>&amp;Relationship to the candidate</translation>
    </message>
    <message>
        <source>监护人手机号(&amp;P)</source>
        <translation>Guardian&apos;s &amp;phone</translation>
    </message>
    <message>
        <source>验证码(&amp;C)</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>我是考生的监护人，已阅读并同意《隐私政策》和《儿童隐私保护声明》(&amp;G)</source>
        <translation>I am the candidate&apos;s &amp;guardian and have read and agree to the Privacy Policy and the Children&apos;s Privacy Statement</translation>
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
        <translation>A code was sent to the guardian&apos;s phone; it is valid for 5 minutes.</translation>
    </message>
    <message>
        <source>请填写监护人姓名。</source>
        <translation>Please enter the guardian&apos;s name.</translation>
    </message>
    <message>
        <source>请输入监护人手机收到的 6 位验证码。</source>
        <translation>Please enter the 6-digit code the guardian&apos;s phone received.</translation>
    </message>
    <message>
        <source>请监护人勾选同意后再提交。</source>
        <translation>Guardian, please tick the box to agree before submitting.</translation>
    </message>
</context>
<context>
    <name>HandOffScreen</name>
    <message>
        <source>考试完成</source>
        <translation>Exam finished</translation>
    </message>
    <message>
        <source>您的录制已交给考点电脑上传，您可以离开了。本机会清除您的个人信息。</source>
        <translation>Your takes have been handed to the exam-centre computer for upload, so you may leave now. This computer will clear your personal information.</translation>
    </message>
    <message>
        <source>完成，下一位考生(&amp;D)</source>
        <translation>&amp;Done, next candidate</translation>
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
        <translation>Log in with your phone number and an SMS code; children under 14 need a guardian&apos;s consent.</translation>
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
    <name>IdPhoto</name>
    <message>
        <source>人脸数量</source>
        <extracomment>name → (label, advice when it fails). Plain words a child and a parent understand.</extracomment>
        <translation>Number of faces</translation>
    </message>
    <message>
        <source>画面里只能有考生一个人，请让其他人离开镜头。</source>
        <translation>Only the candidate may be in the picture. Please ask everyone else to move out of view.</translation>
    </message>
    <message>
        <source>脸宽</source>
        <translation>Face width</translation>
    </message>
    <message>
        <source>脸的大小不合要求，请用“缩放”调整。</source>
        <translation>The face is not the right size. Please adjust it with zoom.</translation>
    </message>
    <message>
        <source>头部高度</source>
        <translation>Head height</translation>
    </message>
    <message>
        <source>头部大小不合要求，请用“缩放”调整。</source>
        <translation>The head is not the right size. Please adjust it with zoom.</translation>
    </message>
    <message>
        <source>头顶到上边</source>
        <translation>Top of head to top edge</translation>
    </message>
    <message>
        <source>头顶的位置不合要求，请上下拖动照片。</source>
        <translation>The top of the head is not in the right place. Please drag the photo up or down.</translation>
    </message>
    <message>
        <source>眼睛到下边</source>
        <translation>Eyes to bottom edge</translation>
    </message>
    <message>
        <source>眼睛位置太低，请向上拖动照片或缩小一点。</source>
        <translation>The eyes are too low. Please drag the photo up or zoom out a little.</translation>
    </message>
    <message>
        <source>下巴到下边</source>
        <translation>Chin to bottom edge</translation>
    </message>
    <message>
        <source>下巴离下边太近，请向上拖动照片或缩小一点。</source>
        <translation>The chin is too close to the bottom edge. Please drag the photo up or zoom out a little.</translation>
    </message>
    <message>
        <source>左右居中</source>
        <translation>Centred left to right</translation>
    </message>
    <message>
        <source>脸没有在正中间，请左右拖动照片。</source>
        <translation>The face is not in the middle. Please drag the photo left or right.</translation>
    </message>
    <message>
        <source>画面完整</source>
        <translation>Nothing cut off</translation>
    </message>
    <message>
        <source>照片里头顶或肩膀被截掉了，拍照时离镜头远一点，让头顶和肩膀都在画面里。</source>
        <translation>The top of the head or the shoulders are cut off in the photo. Move further away from the camera when taking the photo, so that your head and shoulders are both in the picture.</translation>
    </message>
    <message>
        <source>清晰度（放大倍数）</source>
        <translation>Sharpness (enlargement)</translation>
    </message>
    <message>
        <source>照片里的脸太小，放大后会模糊，请靠近镜头或用更清晰的照片。</source>
        <translation>The face in the photo is too small and will be blurry when enlarged. Please move closer to the camera or use a sharper photo.</translation>
    </message>
    <message>
        <source>头部歪斜</source>
        <translation>Head tilt</translation>
    </message>
    <message>
        <source>头歪了，请把头摆正，两眼保持水平。</source>
        <translation>Your head is tilted. Please hold it straight, with your eyes level.</translation>
    </message>
    <message>
        <source>左右转头</source>
        <translation>Head turned</translation>
    </message>
    <message>
        <source>脸转向了一边，请正对镜头。</source>
        <translation>Your face is turned to one side. Please face the camera.</translation>
    </message>
    <message>
        <source>抬头低头</source>
        <translation>Head up or down</translation>
    </message>
    <message>
        <source>请不要抬头或低头，眼睛平视镜头。</source>
        <translation>Please don&apos;t raise or lower your head; look straight at the camera.</translation>
    </message>
    <message>
        <source>清晰</source>
        <translation>Sharp</translation>
    </message>
    <message>
        <source>照片模糊，请保持不动，擦干净镜头后重拍。</source>
        <translation>The photo is blurry. Please keep still, clean the lens and retake it.</translation>
    </message>
    <message>
        <source>亮度</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <source>脸太暗或太亮，请面向窗户或灯光，避免强光直射。</source>
        <translation>The face is too dark or too bright. Please face a window or a light, and avoid strong direct light.</translation>
    </message>
    <message>
        <source>光线均匀（阴阳脸）</source>
        <translation>Even lighting (no darker side)</translation>
    </message>
    <message>
        <source>脸一边亮一边暗，请正面对着光源，或在另一侧补光。</source>
        <translation>One side of the face is bright and the other is dark. Please face the light directly, or add light on the darker side.</translation>
    </message>
    <message>
        <source>反光</source>
        <translation>Glare</translation>
    </message>
    <message>
        <source>脸上有反光，请关闭闪光灯、擦去油光或摘下眼镜。</source>
        <translation>There is glare on the face. Please turn off the flash, wipe off any shine, or take off your glasses.</translation>
    </message>
    <message>
        <source>背景均匀</source>
        <translation>Plain background</translation>
    </message>
    <message>
        <source>背景不是纯色，请站在白色或浅色的墙前面拍照。</source>
        <translation>The background is not a plain colour. Please stand in front of a white or light-coloured wall for the photo.</translation>
    </message>
    <message>
        <source>换背景把握</source>
        <translation>Background replacement</translation>
    </message>
    <message>
        <source>人物边缘不好分辨，换背景可能不干净，请站在纯色的墙前面重拍。</source>
        <translation>The edges of the person are hard to make out, so the new background may not look clean. Please retake the photo in front of a plain-coloured wall.</translation>
    </message>
    <message>
        <source>远近</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>请靠近镜头一点，让头部填满轮廓。</source>
        <translation>Please move a little closer to the camera so that your head fills the outline.</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>请移动一下，让脸在轮廓的正中间。</source>
        <translation>Please move so that your face is in the middle of the outline.</translation>
    </message>
    <message>
        <source>文件大小</source>
        <translation>File size</translation>
    </message>
    <message>
        <source>文件大小不在要求的范围内。</source>
        <translation>The file size is outside the required range.</translation>
    </message>
    <message>
        <source>请离镜头远一点，让整个头部都在轮廓里。</source>
        <translation>Please move a little further from the camera so that your whole head is inside the outline.</translation>
    </message>
    <message>
        <source>这不是图片文件，请选择 JPG、PNG、WebP 或 BMP 格式的照片。</source>
        <extracomment>Chinese (the source language) for each reason; the English below is for logs and the CLI.</extracomment>
        <translation>This is not an image file. Please choose a photo in JPG, PNG, WebP or BMP format.</translation>
    </message>
    <message>
        <source>图片文件已损坏或不完整，请换一张照片。</source>
        <translation>The image file is damaged or incomplete. Please choose another photo.</translation>
    </message>
    <message>
        <source>图片尺寸太大，无法安全打开，请换一张较小的照片。</source>
        <translation>The image is too large to open safely. Please choose a smaller photo.</translation>
    </message>
    <message>
        <source>照片太小，清晰度不够做这种证件照，请用更清晰的照片或离镜头近一点。</source>
        <translation>The photo is too small and not sharp enough for this kind of ID photo. Please use a sharper photo or move closer to the camera.</translation>
    </message>
    <message>
        <source>照片中没有找到人脸，请正对镜头，露出整张脸。</source>
        <translation>No face was found in the photo. Please face the camera and show your whole face.</translation>
    </message>
    <message>
        <source>照片中有不止一张人脸，证件照里只能有考生一个人。</source>
        <translation>There is more than one face in the photo. Only the candidate may be in the ID photo.</translation>
    </message>
    <message>
        <source>白色</source>
        <extracomment>Named background colours (BGR, as OpenCV stores pixels).</extracomment>
        <translation>White</translation>
    </message>
    <message>
        <source>蓝色</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>红色</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>浅灰色</source>
        <translation>Light grey</translation>
    </message>
    <message>
        <source>护照（33×48 毫米）</source>
        <translation>Passport (33×48 mm)</translation>
    </message>
    <message>
        <source>居民身份证（GA 461）</source>
        <translation>Resident ID card (GA 461)</translation>
    </message>
    <message>
        <source>一寸</source>
        <translation>1-inch</translation>
    </message>
    <message>
        <source>二寸（413×579）</source>
        <translation>2-inch (413×579)</translation>
    </message>
    <message>
        <source>二寸（413×626）</source>
        <translation>2-inch (413×626)</translation>
    </message>
    <message>
        <source>小二寸</source>
        <translation>Small 2-inch</translation>
    </message>
    <message>
        <source>大一寸</source>
        <translation>Large 1-inch</translation>
    </message>
</context>
<context>
    <name>IdPhotoPage</name>
    <message>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>保存证件照</source>
        <translation>Save the ID photo</translation>
    </message>
    <message>
        <source>标准证件照</source>
        <extracomment>The exam&apos;s own specs (from the platform, `spec_from_dict`) first, then the common ones.</extracomment>
        <translation>Standard ID photo</translation>
    </message>
    <message>
        <source>规格(&amp;Z)</source>
        <translation>Si&amp;ze</translation>
    </message>
    <message>
        <source>背景(&amp;B)</source>
        <translation>&amp;Background</translation>
    </message>
    <message>
        <source>按规格要求</source>
        <translation>As required</translation>
    </message>
    <message>
        <source>保留原背景</source>
        <translation>Keep original background</translation>
    </message>
    <message>
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>上传照片</source>
        <translation>Upload photo</translation>
    </message>
    <message>
        <source>保存到电脑</source>
        <translation>Save to computer</translation>
    </message>
    <message>
        <source>提交证件照(&amp;U)</source>
        <translation>S&amp;ubmit the ID photo</translation>
    </message>
    <message>
        <source>提交到考试(&amp;E)</source>
        <translation>Submit to &amp;exam</translation>
    </message>
    <message>
        <source>登录后显示您的考试</source>
        <translation>Your exams appear after you log in</translation>
    </message>
    <message>
        <source>所有检查合格后，才能提交给考试平台。</source>
        <translation>The photo can be submitted to the exam platform once every check passes.</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>点击“拍照”使用摄像头，或点击“上传照片”选择一张照片。</source>
        <translation>Click &quot;Take photo&quot; to use the camera, or click &quot;Upload photo&quot; to choose a photo.</translation>
    </message>
    <message>
        <source>照片只用于本次考试的证件照：它加密后交给上传队列，考试平台校验后即删除，这台电脑上不保留任何副本。</source>
        <translation>The photo is used only as your ID photo for this exam: it is encrypted into the upload queue and deleted once the exam platform has checked it. No copy stays on this computer.</translation>
    </message>
    <message>
        <source>人脸照片只用于制作证件照，只保存在内存和本机的私有临时文件夹中。离开本页面或退出程序时，照片会被自动删除；只有点击“保存到电脑”才会另存一份。</source>
        <translation>The face photo is used only to make the ID photo, and is kept only in memory and in a private temporary folder on this computer. When you leave this page or quit the app, the photo is deleted automatically; a copy is kept only if you click &quot;Save to computer&quot;.</translation>
    </message>
    <message>
        <source>点击“提交证件照”后，照片加密存放在上传队列中，考试平台校验后即删除。</source>
        <translation> After you click &quot;Submit the ID photo&quot;, the photo waits encrypted in the upload queue and is deleted once the exam platform has checked it.</translation>
    </message>
    <message>
        <source>这场考试要求 {0}×{1} 像素的证件照，请选择对应的规格。</source>
        <translation>This exam needs a {0}×{1} pixel ID photo. Please choose that size.</translation>
    </message>
    <message>
        <source>没有相机权限，不能拍照。您仍然可以点击“上传照片”。</source>
        <translation>No camera permission, so no photo can be taken. You can still click &quot;Upload photo&quot;.</translation>
    </message>
    <message>
        <source>请正对镜头，让头部对准虚线轮廓；轮廓变绿后点击“拍照”。</source>
        <translation>Face the camera and line your head up with the dashed outline; when the outline turns green, click &quot;Take photo&quot;.</translation>
    </message>
    <message>
        <source>摄像头无法使用：{0}</source>
        <translation>The camera cannot be used: {0}</translation>
    </message>
    <message>
        <source>正在处理照片…</source>
        <translation>Processing the photo…</translation>
    </message>
    <message>
        <source>证件照已生成。可以拖动照片或滚动鼠标滚轮微调，检查结果会随时更新。</source>
        <translation>The ID photo is ready. You can drag the photo or scroll the mouse wheel to fine-tune it; the check results update as you go.</translation>
    </message>
    <message>
        <source>证件照已生成，但有几项不合格，请按提示调整或重拍。</source>
        <translation>The ID photo is ready, but a few items did not pass. Please adjust it as suggested or retake it.</translation>
    </message>
    <message>
        <source>处理照片时出错，请重试。</source>
        <translation>Something went wrong while processing the photo. Please try again.</translation>
    </message>
    <message>
        <source>实时检查</source>
        <translation>Live check</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>全部合格</source>
        <translation>all passed</translation>
    </message>
    <message>
        <source>{0} 项需要调整</source>
        <translation>{0} to fix</translation>
    </message>
    <message>
        <source>保存失败：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <source>已保存到：{0}</source>
        <translation>Saved to: {0}</translation>
    </message>
    <message>
        <source>正在提交证件照…</source>
        <translation>Submitting the ID photo...</translation>
    </message>
</context>
<context>
    <name>InstructionsDialog</name>
    <message>
        <source>考试须知与诚信承诺书</source>
        <translation>Exam instructions and commitment letter</translation>
    </message>
    <message>
        <source>请在安静、光线充足的房间录制，背景简洁，不要有其他人入镜。</source>
        <translation>Record in a quiet, well-lit room with a simple background, and don&apos;t let anyone else into the picture.</translation>
    </message>
    <message>
        <source>摄像头要拍到考生全身（乐器考级需拍到双手和乐器），录制中不要移动摄像头。</source>
        <translation>The camera must show the candidate&apos;s whole body (for instrument exams, both hands and the instrument). Don&apos;t move the camera while recording.</translation>
    </message>
    <message>
        <source>；不足最短时长的录制无效。</source>
        <translation>; takes shorter than the minimum length are invalid.</translation>
    </message>
    <message>
        <source>正式考试共可录制 {0} 次，点击“开始录制/再次录制”并正常结束的每次录制都会用掉一次机会；因设备故障中断的录制不计次数。</source>
        <translation>In the formal exam you can record {0} times in total. Every take started with &quot;Start recording/Record again&quot; that ends normally uses up one attempt; takes interrupted by an equipment fault do not count.</translation>
    </message>
    <message>
        <source>录制过程中请不要切换窗口或锁屏，这些情况会被记录并提交给考官。</source>
        <translation>While recording, please don&apos;t switch windows or lock the screen; if this happens, it is logged and reported to the examiners.</translation>
    </message>
    <message>
        <source>录制完成后可以回放检查，选择一次录制提交；提交后会自动上传，平台校验通过后才算完成。</source>
        <translation>After recording you can play back your takes to check them, then choose one take to submit. Once submitted it uploads automatically, and it is complete only after the platform has verified it.</translation>
    </message>
    <message>
        <source>诚信承诺书：本人承诺，考试视频由考生本人独立、现场完成，未经剪辑、拼接或替换，不请他人代考，不使用任何作弊手段。如有违反，愿承担取消考试成绩等后果。</source>
        <translation>Commitment letter: I promise that the exam video was made by the candidate alone, live, and has not been edited, spliced or replaced; that nobody else took the exam for the candidate; and that no cheating of any kind was used. If this promise is broken, I accept the consequences, such as the exam result being cancelled.</translation>
    </message>
    <message>
        <source>考试须知</source>
        <translation>Exam instructions</translation>
    </message>
    <message>
        <source>诚信承诺书</source>
        <translation>Commitment letter</translation>
    </message>
    <message>
        <source>我（监护人）已和考生一起阅读考试须知，并代表考生同意诚信承诺书(&amp;A)</source>
        <translation>I (the guardian) have read the exam instructions with the candidate and &amp;agree to the commitment letter on the candidate&apos;s behalf</translation>
    </message>
    <message>
        <source>我已阅读考试须知，并同意诚信承诺书(&amp;A)</source>
        <translation>I have read the exam instructions and &amp;agree to the commitment letter</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>开始正式考试(&amp;S)</source>
        <translation>&amp;Start the formal exam</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>艺术评价 · 考点模式</source>
        <extracomment>Hands the finished ID photo (JPEG bytes, the spec&apos;s name) of a checked-in candidate to the upload queue.</extracomment>
        <translation>ArtReview · Exam-centre mode</translation>
    </message>
    <message>
        <source>结束考试，提交录制(&amp;F)</source>
        <translation>&amp;Finish the exam and submit takes</translation>
    </message>
    <message>
        <source>拦截按键 {0}</source>
        <translation>Blocked key {0}</translation>
    </message>
    <message>
        <source>拦截关闭窗口</source>
        <translation>Blocked window close</translation>
    </message>
    <message>
        <source>拦截最小化</source>
        <translation>Blocked minimise</translation>
    </message>
    <message>
        <source>考试窗口失去焦点</source>
        <translation>Exam window lost focus</translation>
    </message>
    <message>
        <source>显示器变化：{0}（{1}）</source>
        <translation>Display change: {0} ({1})</translation>
    </message>
    <message>
        <source>摄像头 {0}：{1}×{2}</source>
        <translation>Camera {0}: {1}×{2}</translation>
    </message>
    <message>
        <source>证件照</source>
        <translation>ID photo</translation>
    </message>
    <message>
        <source>录制</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;{2}&#x3000;{3}%</source>
        <translation>{0}   {1}   {2}   {3}%</translation>
    </message>
    <message>
        <source>监考老师重试了 {0} 个失败的上传</source>
        <translation>The invigilator retried {0} failed upload(s)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting...</translation>
    </message>
    <message>
        <source>监考老师导出了 {0} 个未上传的文件</source>
        <translation>The invigilator exported {0} file(s) not yet uploaded</translation>
    </message>
    <message>
        <source>已导出 {0} 个文件到：{1}</source>
        <translation>Exported {0} file(s) to: {1}</translation>
    </message>
    <message>
        <source>导出没有完成：{0}</source>
        <translation>The export did not finish: {0}</translation>
    </message>
    <message>
        <source>监护人同意</source>
        <translation>Guardian&apos;s consent</translation>
    </message>
    <message>
        <source>考生未满十八周岁。请陪同的监护人阅读《儿童隐私保护声明》，并确认同意考生参加本次考试。未满十四周岁的考生必须由监护人同意。</source>
        <translation>The candidate is under 18. Would the accompanying guardian please read the Children&apos;s Privacy Statement and confirm that they agree to the candidate taking this exam. Candidates under 14 must have a guardian&apos;s consent.</translation>
    </message>
    <message>
        <source>监护人不在场</source>
        <translation>Guardian not present</translation>
    </message>
    <message>
        <source>证件照未能加入上传队列：{0}</source>
        <translation>The ID photo could not join the upload queue: {0}</translation>
    </message>
    <message>
        <source>证件照无法加密保存（{0}），请联系监考老师。</source>
        <translation>The ID photo could not be stored encrypted ({0}). Please ask the invigilator.</translation>
    </message>
    <message>
        <source>证件照已提交</source>
        <translation>ID photo submitted</translation>
    </message>
    <message>
        <source>设备不在考点允许的名单中：{0}</source>
        <translation>Device not on the centre&apos;s allowed list: {0}</translation>
    </message>
    <message>
        <source>摄像头</source>
        <translation>camera</translation>
    </message>
    <message>
        <source>麦克风</source>
        <translation>microphone</translation>
    </message>
    <message>
        <source>这台电脑设置的{0}（{1}）不在本考点允许使用的设备名单中。请监考老师检查设备设置。</source>
        <translation>The {0} set on this computer ({1}) is not on this centre&apos;s list of allowed devices. Please ask the invigilator to check the device settings.</translation>
    </message>
    <message>
        <source>正在打开摄像头和麦克风…</source>
        <translation>Opening the camera and microphone…</translation>
    </message>
    <message>
        <source>设备无法打开：{0}。请联系监考老师。</source>
        <translation>The device cannot be opened: {0}. Please ask the invigilator for help.</translation>
    </message>
    <message>
        <source>摄像头和麦克风正常。</source>
        <translation>The camera and microphone are working.</translation>
    </message>
    <message>
        <source>正在加密保存 {0} 个录制，请稍候…</source>
        <translation>Encrypting and storing {0} recording(s), please wait...</translation>
    </message>
    <message>
        <source>已提交 {0} 个录制。</source>
        <translation>{0} take(s) submitted.</translation>
    </message>
    <message>
        <source>录制未能交给上传队列：{0}</source>
        <translation>A recording could not join the upload queue: {0}</translation>
    </message>
    <message>
        <source>录制没能加密保存（{0}），录制文件仍保留在本机。请联系监考老师。</source>
        <translation>The recording could not be stored encrypted ({0}); the recording is still on this computer. Please ask the invigilator.</translation>
    </message>
    <message>
        <source>还在吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>很久没有操作了。{0} 秒内没有操作，将返回欢迎页面（已录制的内容会保留）。</source>
        <translation>Nothing has happened for a while. If there is no activity within {0} s, the app goes back to the welcome screen (your takes are kept).</translation>
    </message>
    <message>
        <source>我还在</source>
        <translation>I&apos;m still here</translation>
    </message>
    <message>
        <source>长时间无操作，返回欢迎页面</source>
        <translation>No activity for a long time; returned to the welcome screen</translation>
    </message>
    <message>
        <source>选择导出文件夹（例如 U 盘）</source>
        <translation>Choose the export folder (e.g. a USB drive)</translation>
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
        <translation>You did not allow the &quot;Log in&quot; permission, so no code can be sent. You can allow it in &quot;Me · Settings · Privacy&quot;.</translation>
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
        <source>演示模式：没有真实短信，验证码 {0} 已从演示收件箱自动填入。</source>
        <translation>Demo mode: there is no real SMS; the code {0} was filled in from the demo inbox.</translation>
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
        <source>发现未完成的录制</source>
        <translation>Unfinished recordings found</translation>
    </message>
    <message>
        <source>上次程序意外退出，有 {0} 个录制没有正常结束。已录制的部分可以恢复，恢复后可以回放和提交，不计考试次数。现在恢复吗？</source>
        <translation>The app closed unexpectedly last time, and {0} recording(s) did not end properly. The recorded parts can be recovered; after recovery you can play them back and submit them, and they do not use up any attempts. Recover them now?</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>隐私政策已更新</source>
        <translation>The privacy policy has changed</translation>
    </message>
    <message>
        <source>考试平台发布了新版隐私政策，但暂时无法下载（{0}）。在您阅读并同意新政策之前，上传已暂停。请检查网络后点击“重试”。</source>
        <translation>The exam platform has published a new privacy policy, but it cannot be downloaded right now ({0}). Uploads are paused until you have read and accepted it. Please check the network, then click &quot;Retry&quot;.</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>已恢复 {0} 个录制，可以在考试的录制列表中回放。</source>
        <translation>{0} recording(s) recovered. You can play them back in the exam&apos;s list of takes.</translation>
    </message>
    <message>
        <source>有 {0} 个文件无法恢复，已原样保留在录制文件夹中。</source>
        <translation>{0} file(s) could not be recovered and were left unchanged in the recordings folder.</translation>
    </message>
    <message>
        <source>录制已恢复</source>
        <translation>Recordings recovered</translation>
    </message>
    <message>
        <source>需要完成年龄确认</source>
        <translation>Age confirmation needed</translation>
    </message>
    <message>
        <source>开始考试前，请先填写考生出生日期；未满十四周岁的考生需要监护人同意。</source>
        <translation>Before starting the exam, please enter the candidate&apos;s date of birth; candidates under 14 need a guardian&apos;s consent.</translation>
    </message>
    <message>
        <source>请先登录，再提交证件照。</source>
        <translation>Please log in before submitting the ID photo.</translation>
    </message>
    <message>
        <source>证件照已加密加入上传队列，可以在“上传中心”查看进度。</source>
        <translation>The ID photo is encrypted and in the upload queue; you can follow it in the Upload centre.</translation>
    </message>
    <message>
        <source>系统钥匙串不可用，证件照无法加密保存，因此没有提交。请解锁钥匙串后重试。</source>
        <translation>The system keyring is not available, so the ID photo could not be stored encrypted and was not submitted. Please unlock the keyring and try again.</translation>
    </message>
    <message>
        <source>证件照没有提交成功：{0}</source>
        <translation>The ID photo was not submitted: {0}</translation>
    </message>
    <message>
        <source>已加入上传队列</source>
        <translation>Added to the upload queue</translation>
    </message>
    <message>
        <source>等待上传</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>上传中</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <source>平台校验中</source>
        <translation>Being verified by the platform</translation>
    </message>
    <message>
        <source>上传成功，平台已校验</source>
        <translation>Uploaded and verified by the platform</translation>
    </message>
    <message>
        <source>上传失败：{0}</source>
        <translation>Upload failed: {0}</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
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
    <name>OperationLogDialog</name>
    <message>
        <source>操作日志</source>
        <translation>Operation log</translation>
    </message>
    <message>
        <source>这里是本程序在这台电脑上记录的访问时间和操作，用于排查故障。日志已去除手机号、验证码和登录凭证，只保存在本机并按大小轮换；只有您点击“发送给考试平台”并确认后，才会发送。</source>
        <translation>These are the access times and actions this app recorded on this computer, for troubleshooting. Phone numbers, codes and login credentials are removed. The log stays on this computer and old entries are rotated out; it is sent only if you click &quot;Send to the exam platform&quot; and confirm.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>还没有记录任何操作。</source>
        <translation>No actions recorded yet.</translation>
    </message>
    <message>
        <source>导出…(&amp;E)</source>
        <translation>&amp;Export...</translation>
    </message>
    <message>
        <source>发送给考试平台…(&amp;S)</source>
        <translation>&amp;Send to the exam platform...</translation>
    </message>
    <message>
        <source>登录后才能发送，帮助考试平台排查您遇到的问题。</source>
        <translation>Log in to send it; it helps the exam platform look into a problem you had.</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>打开本程序</source>
        <translation>Opened the app</translation>
    </message>
    <message>
        <source>同意隐私政策</source>
        <translation>Accepted the privacy policy</translation>
    </message>
    <message>
        <source>回答权限询问</source>
        <translation>Answered a permission request</translation>
    </message>
    <message>
        <source>打开页面</source>
        <translation>Opened a page</translation>
    </message>
    <message>
        <source>签署诚信承诺书</source>
        <translation>Signed the integrity pledge</translation>
    </message>
    <message>
        <source>提交录像</source>
        <translation>Submitted a recording</translation>
    </message>
    <message>
        <source>上传完成</source>
        <translation>Upload finished</translation>
    </message>
    <message>
        <source>上传失败</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <source>无法保存到该位置：{0}</source>
        <translation>Cannot save there: {0}</translation>
    </message>
    <message>
        <source>已导出 {0} 条记录到：{1}</source>
        <translation>Exported {0} entries to: {1}</translation>
    </message>
    <message>
        <source>发送操作日志</source>
        <translation>Send the operation log</translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <extracomment>Sends the entries to the platform; None when nobody is logged in (nothing can be sent).</extracomment>
        <translation>Export the operation log</translation>
    </message>
    <message>
        <source>登录成功</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <source>已退出登录</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>已导出操作日志</source>
        <translation>Exported the operation log</translation>
    </message>
    <message>
        <source>已发送操作日志</source>
        <translation>Sent the operation log</translation>
    </message>
    <message>
        <source>将把这 {0} 条已去除个人信息的记录发送给考试平台，用于排查故障。确定发送吗？</source>
        <translation>These {0} entries, with personal information removed, will be sent to the exam platform for troubleshooting. Send them?</translation>
    </message>
    <message>
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>不发送</source>
        <translation>Don&apos;t send</translation>
    </message>
    <message>
        <source>正在发送…</source>
        <translation>Sending...</translation>
    </message>
    <message>
        <source>已发送 {0} 条记录。</source>
        <translation>Sent {0} entries.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>缴纳考试费用</source>
        <translation>Pay the exam fee</translation>
    </message>
    <message>
        <source>{0}&#x3000;考试费用：¥{1:.2f}</source>
        <translation>{0}  Exam fee: ¥{1:.2f}</translation>
    </message>
    <message>
        <source>微信支付(&amp;W)</source>
        <translation>&amp;WeChat Pay</translation>
    </message>
    <message>
        <source>支付宝(&amp;Z)</source>
        <translation>&amp;Alipay</translation>
    </message>
    <message>
        <source>生成付款二维码(&amp;G)</source>
        <translation>&amp;Generate payment QR code</translation>
    </message>
    <message>
        <source>演示：模拟完成支付</source>
        <translation>Demo: simulate a completed payment</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在生成二维码…</source>
        <translation>Generating the QR code…</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>请用{0}扫描二维码付款。付款后本页面会自动更新。</source>
        <translation>Scan the QR code with {0} to pay. This page updates automatically once you have paid.</translation>
    </message>
    <message>
        <source>支付成功！</source>
        <translation>Payment successful!</translation>
    </message>
    <message>
        <source>订单号：{0}&#x3000;金额：¥{1:.2f}&#x3000;支付方式：{2}</source>
        <translation>Order no.: {0}  Amount: ¥{1:.2f}  Paid with: {2}</translation>
    </message>
    <message>
        <source>微信支付</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>二维码已过期，请重新生成。</source>
        <translation>The QR code has expired. Please generate a new one.</translation>
    </message>
    <message>
        <source>正在重试…</source>
        <translation>Retrying…</translation>
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
        <translation>To use it, allow the permission in &quot;Me · Settings · Privacy&quot;.</translation>
    </message>
    <message>
        <source>系统也拒绝了{0}权限：Windows 请打开“设置 → 隐私和安全性 → 相机/麦克风”，macOS 请打开“系统设置 → 隐私与安全性 → 相机/麦克风”，允许“艺术评价”后重新启动程序。</source>
        <translation>The system also refused {0}: on Windows open &quot;Settings → Privacy &amp; security → Camera/Microphone&quot;, on macOS open &quot;System Settings → Privacy &amp; Security → Camera/Microphone&quot;, allow &quot;ArtReview&quot;, then restart the app.</translation>
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
        <translation>&quot;ArtReview&quot; would like to use: {0}</translation>
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
        <translation>If you do not allow it, only this feature will be unavailable; everything else keeps working. You can change this at any time in &quot;Me · Settings · Privacy&quot;.</translation>
    </message>
    <message>
        <source>允许</source>
        <translation>Allow</translation>
    </message>
    <message>
        <source>不允许</source>
        <translation>Don&apos;t allow</translation>
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
        <translation>Take the standard ID photo; record the candidate&apos;s video.</translation>
    </message>
    <message>
        <source>点击“拍照”时</source>
        <translation>When &quot;Take photo&quot; is clicked</translation>
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
        <translation>When &quot;Start recording / Record again&quot; is clicked in the formal exam</translation>
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
        <translation>When &quot;Start recording / Record again&quot; is clicked</translation>
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
    <name>PhotoStepScreen</name>
    <message>
        <source>拍摄证件照</source>
        <translation>Take your ID photo</translation>
    </message>
    <message>
        <source>请正对摄像头坐好，露出眉毛和耳朵，点击“拍照”。照片合格后进入下一步。</source>
        <translation>Sit facing the camera with your eyebrows and ears visible, then click &quot;Take photo&quot;. Once the photo passes, go on to the next step.</translation>
    </message>
    <message>
        <source>证件照合格，下一步(&amp;N)</source>
        <translation>Photo passes, &amp;next</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>监考老师</source>
        <translation>Invigilator</translation>
    </message>
    <message>
        <source>请输入监考老师管理密码（PIN）：</source>
        <translation>Enter the invigilator&apos;s admin password (PIN):</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>密码不正确。</source>
        <translation>Incorrect password.</translation>
    </message>
    <message>
        <source>密码错误次数太多，已锁定 {0} 秒。</source>
        <translation>Too many wrong passwords; locked for {0} s.</translation>
    </message>
    <message>
        <source>无法检查密码。</source>
        <translation>The password could not be checked.</translation>
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
    <name>QuickCheckScreen</name>
    <message>
        <source>设备检查</source>
        <translation>Equipment check</translation>
    </message>
    <message>
        <source>请确认画面中能看到您的全身，说句话看看音量条是否跳动。</source>
        <translation>Make sure your whole body can be seen in the picture, and say something to see whether the level bar moves.</translation>
    </message>
    <message>
        <source>设备正常，进入考试(&amp;N)</source>
        <translation>Equipment OK, &amp;go to the exam</translation>
    </message>
</context>
<context>
    <name>RecordingPage</name>
    <message>
        <source>考级视频录制</source>
        <translation>Exam recording</translation>
    </message>
    <message>
        <source>没有摄像头、麦克风或存储权限，无法录制。其他功能不受影响；可在“我的 · 设置 · 隐私”中允许。</source>
        <translation>Without camera, microphone or storage permission, recording is not possible. Other features still work. You can allow them in &quot;Me · Settings · Privacy&quot;.</translation>
    </message>
    <message>
        <source>准备开始录制…</source>
        <translation>Getting ready to record…</translation>
    </message>
    <message>
        <source>请准备，录制马上开始。</source>
        <translation>Get ready, recording starts in a moment.</translation>
    </message>
    <message>
        <source>正在打开摄像头和麦克风…</source>
        <translation>Opening the camera and microphone…</translation>
    </message>
    <message>
        <source>正在录制。</source>
        <translation>Recording.</translation>
    </message>
    <message>
        <source>开始录制。请报出你的考级曲目。</source>
        <translation>Recording has started. Please announce your exam piece.</translation>
    </message>
    <message>
        <source>无法开始录制：{0}</source>
        <translation>Could not start recording: {0}</translation>
    </message>
    <message>
        <source>录制时间不足</source>
        <translation>Recording too short</translation>
    </message>
    <message>
        <source>已录制 {0} 秒，不足最短 {1} 秒。现在停止，本次录制无效但会用掉一次机会。确定停止吗？</source>
        <translation>You have recorded {0} s, less than the minimum of {1} s. If you stop now, this take is invalid but still uses up one attempt. Stop anyway?</translation>
    </message>
    <message>
        <source>正在保存录制文件…</source>
        <translation>Saving the recording…</translation>
    </message>
    <message>
        <source>已达到最长录制时间，录制自动停止。</source>
        <translation>The maximum recording time was reached, so recording stopped automatically.</translation>
    </message>
    <message>
        <source>摄像头断开了，录制已停止。已录制的部分已保存，本次不计次数。</source>
        <translation>The camera was disconnected, so recording stopped. What was recorded has been saved, and this take does not use up an attempt.</translation>
    </message>
    <message>
        <source>麦克风断开了，录制已停止。已录制的部分已保存，本次不计次数。</source>
        <translation>The microphone was disconnected, so recording stopped. What was recorded has been saved, and this take does not use up an attempt.</translation>
    </message>
    <message>
        <source>磁盘空间不足，录制已停止。已录制的部分已保存，本次不计次数。</source>
        <translation>There is not enough disk space, so recording stopped. What was recorded has been saved, and this take does not use up an attempt.</translation>
    </message>
    <message>
        <source>写入文件出错，录制已停止。已录制的部分已保存，本次不计次数。</source>
        <translation>There was an error writing the file, so recording stopped. What was recorded has been saved, and this take does not use up an attempt.</translation>
    </message>
    <message>
        <source>录制已完成。</source>
        <translation>Recording finished.</translation>
    </message>
    <message>
        <source>本次录制不足最短时长（{0} 秒），不能提交。</source>
        <translation>This take is shorter than the minimum length ({0} s) and cannot be submitted.</translation>
    </message>
    <message>
        <source>画面太暗：请打开灯，或面向窗户。</source>
        <translation>The picture is too dark: turn on a light or face a window.</translation>
    </message>
    <message>
        <source>剩余 {0}</source>
        <translation>{0} left</translation>
    </message>
    <message>
        <source>没有检测到声音：请检查麦克风是否打开、是否离得太远。</source>
        <translation>No sound detected: check that the microphone is switched on and not too far away.</translation>
    </message>
    <message>
        <source>电脑处理不过来，部分画面丢失：请关闭其他程序。</source>
        <translation>The computer cannot keep up and some frames were lost: please close other programs.</translation>
    </message>
    <message>
        <source>检测到录制被打断（{0}），已记录。请回到录制窗口继续。</source>
        <translation>Recording was interrupted ({0}); this has been logged. Please go back to the recording window and carry on.</translation>
    </message>
    <message>
        <source>正式考试前，请先阅读考试须知并同意诚信承诺书。</source>
        <translation>Before the formal exam, please read the exam instructions and agree to the commitment letter.</translation>
    </message>
    <message>
        <source>正式考试的录制次数已经用完。</source>
        <translation>All formal exam attempts have been used.</translation>
    </message>
    <message>
        <source>本科目没有模拟考试。</source>
        <translation>This subject has no practice exam.</translation>
    </message>
    <message>
        <source>正在录制中。</source>
        <translation>Recording in progress.</translation>
    </message>
    <message>
        <source>请先缴纳考试费用。</source>
        <translation>Please pay the exam fee first.</translation>
    </message>
    <message>
        <source>无法开始录制</source>
        <translation>Cannot start recording</translation>
    </message>
    <message>
        <source>还没有录制。</source>
        <translation>No takes yet.</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>时长不足</source>
        <translation>Too short</translation>
    </message>
    <message>
        <source>不计次数</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <source>第 {0} 次&#x3000;{1}:{2:02d}&#x3000;{3}</source>
        <translation>Take {0}  {1}:{2:02d}  {3}</translation>
    </message>
    <message>
        <source>回放</source>
        <translation>Play back</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>回放第 {0} 次录制</source>
        <translation>Play back take {0}</translation>
    </message>
    <message>
        <source>提交第 {0} 次录制</source>
        <translation>Submit take {0}</translation>
    </message>
    <message>
        <source>我的录制</source>
        <translation>My takes</translation>
    </message>
    <message>
        <source>停止录制(&amp;T)</source>
        <translation>S&amp;top recording</translation>
    </message>
    <message>
        <source>音量</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>请先在“我的考试”中选择一场考试，进入模拟考试或正式考试。</source>
        <translation>First choose an exam in &quot;My exams&quot;, then open the practice exam or the formal exam.</translation>
    </message>
    <message>
        <source>开始录制(&amp;R)</source>
        <translation>Start &amp;recording</translation>
    </message>
    <message>
        <source>正式考试</source>
        <translation>Formal exam</translation>
    </message>
    <message>
        <source>模拟考试（练习，不会提交）</source>
        <translation>Practice exam (practice only, nothing is submitted)</translation>
    </message>
    <message>
        <source>再次录制(&amp;R)</source>
        <translation>&amp;Record again</translation>
    </message>
    <message>
        <source>再次录制（剩余 {0} 次）(&amp;R)</source>
        <translation>&amp;Record again ({0} attempts left)</translation>
    </message>
    <message>
        <source>最长 {0}</source>
        <translation>Up to {0}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>回放第 {0} 次录制</source>
        <translation>Play back take {0}</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>播放</source>
        <translation>Play</translation>
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
        <source>操作日志：访问时间和操作记录，只保存在本机，可查看、导出。</source>
        <translation>Operation log: access times and actions, kept only on this computer; you can view and export it.</translation>
    </message>
    <message>
        <source>查看操作日志…(&amp;O)</source>
        <translation>View the &amp;operation log...</translation>
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
    <name>TakeTexts</name>
    <message>
        <source>时长：{0}:{1:02d}</source>
        <translation>Length: {0}:{1:02d}</translation>
    </message>
    <message>
        <source>画面：{0}×{1}，{2} 帧，丢帧 {3}</source>
        <translation>Picture: {0}×{1}, {2} frames, {3} dropped</translation>
    </message>
    <message>
        <source>录制中断记录：{0} 次</source>
        <translation>Recording interruptions logged: {0}</translation>
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
    <name>UpdateController</name>
    <message>
        <source>检查更新</source>
        <translation>Check for updates</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <source>已是最新版本。</source>
        <translation>You have the latest version.</translation>
    </message>
    <message>
        <source>平台提供的版本比当前版本旧，已拒绝安装。</source>
        <translation>The version offered by the platform is older than the current one, so it was not installed.</translation>
    </message>
    <message>
        <source>更新信息不完整或格式不对，已拒绝安装。</source>
        <translation>The update information is incomplete or in the wrong format, so it was not installed.</translation>
    </message>
    <message>
        <source>更新包的签名无效，可能不是官方发布的版本，已拒绝安装。</source>
        <translation>The update package&apos;s signature is invalid, so it may not be an official release; it was not installed.</translation>
    </message>
    <message>
        <source>更新包下载不完整，已删除。请稍后重试。</source>
        <translation>The update package did not download completely and has been deleted. Please try again later.</translation>
    </message>
    <message>
        <source>更新包与官方发布的文件不一致（可能被篡改），已删除，不会运行。</source>
        <translation>The update package does not match the official release (it may have been tampered with). It has been deleted and will not be run.</translation>
    </message>
    <message>
        <source>无法连接更新服务器，请检查网络后重试。已下载的部分会保留。</source>
        <translation>Cannot connect to the update server. Please check your network and try again. The part already downloaded is kept.</translation>
    </message>
    <message>
        <source>已暂停下载，下次会从断点继续。</source>
        <translation>Download paused; next time it will continue from where it stopped.</translation>
    </message>
    <message>
        <source>正在录制或上传，结束后再安装更新。</source>
        <translation>Recording or uploading is in progress; the update will be installed once it has finished.</translation>
    </message>
    <message>
        <source>无法启动安装程序，请稍后重试或从官网下载安装。</source>
        <translation>The installer could not be started. Please try again later, or download and install the update from the official website.</translation>
    </message>
    <message>
        <source>发现新版本</source>
        <translation>New version available</translation>
    </message>
    <message>
        <source>艺术评价 {0} 可以安装了（当前版本 {1}）。</source>
        <translation>ArtReview {0} is ready to install (current version {1}).</translation>
    </message>
    <message>
        <source>（没有更新说明）</source>
        <translation>(No release notes)</translation>
    </message>
    <message>
        <source>大小：{0} MB</source>
        <translation>Size: {0} MB</translation>
    </message>
    <message>
        <source>更新包下载后会先校验签名和完整性，校验通过才会安装。</source>
        <translation>After downloading, the update package&apos;s signature and integrity are checked first; it is installed only if the checks pass.</translation>
    </message>
    <message>
        <source>下载更新</source>
        <translation>Download update</translation>
    </message>
    <message>
        <source>取消下载</source>
        <translation>Cancel download</translation>
    </message>
    <message>
        <source>安装并重启</source>
        <translation>Install and restart</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>更新内容：</source>
        <translation>What&apos;s new:</translation>
    </message>
    <message>
        <source>正在下载……</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <source>正在下载：{0} / {1} MB</source>
        <translation>Downloading: {0} / {1} MB</translation>
    </message>
    <message>
        <source>更新包已下载并通过校验（签名、大小、SHA-256）。</source>
        <translation>The update package has been downloaded and verified (signature, size, SHA-256).</translation>
    </message>
    <message>
        <source>安装程序已启动，艺术评价将关闭。</source>
        <translation>The installer has started; ArtReview will now close.</translation>
    </message>
</context>
<context>
    <name>UploadCentrePage</name>
    <message>
        <source>上传中心</source>
        <translation>Upload centre</translation>
    </message>
    <message>
        <source>待上传 %1 个，已完成 %2 个，失败 %3 个。上传在后台进行，录制下一段时也不会中断。</source>
        <translation>%1 waiting, %2 done, %3 failed. Uploads run in the background and keep going while you record the next take.</translation>
    </message>
    <message>
        <source>还没有需要上传的录像。录制完成的考级视频会自动出现在这里。</source>
        <translation>No videos to upload yet. Finished exam videos appear here automatically.</translation>
    </message>
</context>
<context>
    <name>UploadNotifier</name>
    <message>
        <source>上传成功</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>%1 已上传，平台已确认文件完整。</source>
        <translation>%1 has been uploaded; the platform has confirmed that the file is complete.</translation>
    </message>
    <message>
        <source>上传失败</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <source>%1 未能上传：%2</source>
        <translation>%1 could not be uploaded: %2</translation>
    </message>
</context>
<context>
    <name>UploadRow</name>
    <message>
        <source>剩余约 %1 秒</source>
        <translation>About %1 s left</translation>
    </message>
    <message>
        <source>剩余约 %1 分钟</source>
        <translation>About %1 min left</translation>
    </message>
    <message>
        <source>剩余约 %1 小时</source>
        <translation>About %1 h left</translation>
    </message>
    <message>
        <source>等待上传</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>上传中</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <source>校验中</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <source>上传成功</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>上传失败</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>录制文件已不在这台电脑上。</source>
        <translation>The recording file is no longer on this computer.</translation>
    </message>
    <message>
        <source>录制文件在录制完成后被改动过，无法证明是原始录像。</source>
        <translation>The recording file was changed after recording finished, so it cannot be proven to be the original video.</translation>
    </message>
    <message>
        <source>网络连接中断，稍后会自动重试。</source>
        <translation>The network connection was lost; the upload will retry automatically later.</translation>
    </message>
    <message>
        <source>考试平台暂时无法访问，稍后会自动重试。</source>
        <translation>The exam platform cannot be reached right now; the upload will retry automatically later.</translation>
    </message>
    <message>
        <source>没有上传权限，请重新登录后再试。</source>
        <translation>No permission to upload. Please log in again and retry.</translation>
    </message>
    <message>
        <source>存储空间不存在，请联系考试机构。</source>
        <translation>The storage does not exist. Please contact the exam organisation.</translation>
    </message>
    <message>
        <source>存储地址不在允许的境内区域，已拒绝上传。</source>
        <translation>The storage address is not in an allowed region inside China, so the upload was refused.</translation>
    </message>
    <message>
        <source>上传后的文件与本地录像校验不一致，请重试。</source>
        <translation>The uploaded file does not match the video on this computer. Please try again.</translation>
    </message>
    <message>
        <source>平台校验未通过（%1），录像已保留在本机。</source>
        <translation>The platform&apos;s verification failed (%1); the video has been kept on this computer.</translation>
    </message>
    <message>
        <source>加密保存的录像缺少密钥（系统钥匙串中找不到），无法上传。加密文件已保留，请联系技术支持。</source>
        <translation>The key of this encrypted recording is missing from the system keyring, so it cannot be uploaded. The encrypted file is kept; please contact support.</translation>
    </message>
    <message>
        <source>加密保存的录像已损坏或被改动，无法上传。文件已保留，请联系技术支持。</source>
        <translation>This encrypted recording is damaged or was changed, so it cannot be uploaded. The file is kept; please contact support.</translation>
    </message>
    <message>
        <source>系统钥匙串不可用，无法读取加密录像的密钥。请解锁钥匙串后重试。</source>
        <translation>The system keyring is not available, so the recording&apos;s key cannot be read. Please unlock the keyring and retry.</translation>
    </message>
    <message>
        <source>平台没有找到上传的文件</source>
        <translation>The platform could not find the uploaded file</translation>
    </message>
    <message>
        <source>文件大小不一致</source>
        <translation>The file size does not match</translation>
    </message>
    <message>
        <source>校验值不一致</source>
        <translation>The checksum does not match</translation>
    </message>
    <message>
        <source>文件内容与录制时不一致</source>
        <translation>The file content differs from the original recording</translation>
    </message>
    <message>
        <source>录像时长不符合考试要求</source>
        <translation>The video length does not meet the exam requirements</translation>
    </message>
    <message>
        <source>证件照不是 JPEG 文件</source>
        <translation>the ID photo is not a JPEG file</translation>
    </message>
    <message>
        <source>证件照尺寸不符合这场考试的规格</source>
        <translation>the ID photo&apos;s size does not match this exam&apos;s spec</translation>
    </message>
    <message>
        <source>证件照（%1）</source>
        <translation>ID photo (%1)</translation>
    </message>
    <message>
        <source>本机的证件照已删除。</source>
        <translation>The ID photo on this computer has been deleted.</translation>
    </message>
    <message>
        <source>本地录像将保留至 %1。</source>
        <translation>The video on this computer will be kept until %1.</translation>
    </message>
    <message>
        <source>本地录像已删除。</source>
        <translation>The video on this computer has been deleted.</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UploadsUnavailablePage</name>
    <message>
        <source>上传中心</source>
        <translation>Upload centre</translation>
    </message>
    <message>
        <source>上传的录制不会丢失：配置好考试平台后会自动继续上传。</source>
        <translation>Recordings waiting to upload are never lost: they continue automatically once an exam platform is configured.</translation>
    </message>
    <message>
        <source>没有配置考试平台，无法上传。请在设置中填写考试平台地址，或以演示模式启动。</source>
        <translation>No exam platform is configured, so nothing can be uploaded. Enter the platform&apos;s address in Settings, or start the app in demo mode.</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>欢迎参加艺术考级</source>
        <translation>Welcome to your graded art exam</translation>
    </message>
    <message>
        <source>考点：{0}</source>
        <translation>Exam centre: {0}</translation>
    </message>
    <message>
        <source>请准备好准考证，点击下面的按钮开始。考试中遇到问题，请举手联系监考老师。</source>
        <translation>Please have your admission ticket ready and click the button below to start. If you have a problem during the exam, raise your hand to ask the invigilator.</translation>
    </message>
    <message>
        <source>开始签到(&amp;S)</source>
        <translation>&amp;Start check-in</translation>
    </message>
</context>
</TS>
