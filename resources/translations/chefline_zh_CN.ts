<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>About</name>
    <message>
      <location filename="../../src/chefline/ui/dialogs/about.py" line="23" />
      <source>not installed</source>
      <translation>未安装</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/about.py" line="29" />
      <source>standard error only</source>
      <translation>仅输出到标准错误</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/about.py" line="30" />
      <source>Real Flask and FastAPI kitchens racing the same orders, measured.</source>
      <translation>真实的 Flask 与 FastAPI 厨房处理同样的订单，一切数字都是实测的。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/about.py" line="33" />
      <source>Licence: MIT.</source>
      <translation>许可证：MIT。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/about.py" line="34" />
      <source>Log file: {0}</source>
      <translation>日志文件：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/about.py" line="42" />
      <source>About Chefline</source>
      <translation>关于 Chefline</translation>
    </message>
  </context>
  <context>
    <name>ApiDocs</name>
    <message>
      <location filename="../../src/chefline/ui/api_docs.py" line="37" />
      <source>Open a FastAPI kitchen (Kitchens menu) to see its API docs.</source>
      <translation>先打开一个 FastAPI 厨房（“厨房”菜单），才能看它的 API 文档。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/api_docs.py" line="41" />
      <source>Browsers do not open for the root user. The docs are at {0} (copied to the clipboard).</source>
      <translation>浏览器不能以 root 用户打开。文档地址是 {0}（已复制到剪贴板）。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/api_docs.py" line="46" />
      <source>No browser opened; the docs are at {0}</source>
      <translation>没有浏览器打开；文档地址是 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/api_docs.py" line="49" />
      <source>API docs: {0}</source>
      <translation>API 文档：{0}</translation>
    </message>
  </context>
  <context>
    <name>Argparse</name>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="14" />
      <source>usage: </source>
      <translation>用法：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="15" />
      <source>options</source>
      <translation>选项</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="16" />
      <source>positional arguments</source>
      <translation>位置参数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="17" />
      <source>show this help message and exit</source>
      <translation>显示本帮助并退出</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="18" />
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="19" />
      <source>unrecognized arguments: %s</source>
      <translation>无法识别的参数：%s</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="20" />
      <source>the following arguments are required: %s</source>
      <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="21" />
      <source>expected one argument</source>
      <translation>需要一个值</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="22" />
      <source>invalid %(type)s value: %(value)r</source>
      <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="23" />
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="24" />
      <source>%(prog)s: error: %(message)s
</source>
      <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/argparse_words.py" line="25" />
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>有歧义的选项：%(option)s 可匹配 %(matches)s</translation>
    </message>
  </context>
  <context>
    <name>BadOrderView</name>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="24" />
      <source>Flask: checked by hand</source>
      <translation>Flask：手写检查</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="25" />
      <source>FastAPI: a Pydantic model</source>
      <translation>FastAPI：Pydantic 模型</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="102" />
      <source>Sending…</source>
      <translation>发送中…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="103" />
      <source>Open a {0} kitchen (Kitchens menu) to see its reply.</source>
      <translation>先打开一个 {0} 厨房（“厨房”菜单）才能看到它的回应。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="112" />
      <source>A bad order, two ways of saying no</source>
      <translation>同一张错误订单，两种拒绝方式</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="113" />
      <source>Sent to POST /chat of each: {0}</source>
      <translation>发给两边的 POST /chat：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="114" />
      <source>Esc or any clicker key closes the replies.</source>
      <translation>按 Esc 或翻页笔任意键关闭回应。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/bad_order_view.py" line="118" />
      <source>no kitchen open</source>
      <translation>没有打开的厨房</translation>
    </message>
  </context>
  <context>
    <name>CapacityCurve</name>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="11" />
      <source>How many customers each kitchen holds</source>
      <translation>每个厨房能接待多少客人</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="12" />
      <source>p95: the time 95 of 100 customers stayed within</source>
      <translation>p95：100 位客人中 95 位不超过的时间</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="13" />
      <source>threads held</source>
      <translation>占用的线程</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="14" />
      <source>memory held (MB)</source>
      <translation>占用的内存（MB）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="15" />
      <source>users ordering at once</source>
      <translation>同时下单的用户数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="16" />
      <source>customers a second (a steady Poisson stream)</source>
      <translation>每秒客人数（稳定的泊松到达流）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="17" />
      <source>dotted: p95 = {0:g} × one order = {1:.2f} s, past it the knee</source>
      <translation>点线：p95 = 单份订单的 {0:g} 倍 = {1:.2f} 秒，超过即为拐点</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="20" />
      <source>knee</source>
      <translation>拐点</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="21" />
      <source>no knee</source>
      <translation>无拐点</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="22" />
      <source>Choose the kitchens and the loads above, then Run (Ctrl+Return).</source>
      <translation>在上方选择厨房和负载，然后运行（Ctrl+回车）。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="25" />
      <source>knee {0}</source>
      <translation>拐点 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="26" />
      <source>saturated</source>
      <translation>饱和</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="27" />
      <source>saturates at {0}</source>
      <translation>在 {0} 饱和</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="28" />
      <source>its queue held steady</source>
      <translation>队列保持稳定</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="29" />
      <source>skipped from {0}</source>
      <translation>从 {0} 起跳过</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="30" />
      <source>racing…</source>
      <translation>比赛中…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="31" />
      <source>capacity {0:.2g}/s</source>
      <translation>容量 {0:.2g}/秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="32" />
      <source>No point yet: the curve fills as each race ends.</source>
      <translation>还没有数据点：每轮比赛结束，曲线就多一个点。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="33" />
      <source>Solid: measured, each kitchen raced alone. Dashed: a perfect kitchen of the same shape (hollow marks on it: loads skipped as too long). Hollow memory marks: a kitchen in the app's process, what the app grew by while it held the load.</source>
      <translation>实线：实测，每个厨房单独比赛。虚线：同样结构的理想厨房（虚线上的空心点：因耗时过长而跳过的负载）。内存图中的空心点：在应用进程内的厨房，承载该负载时应用增长的内存。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="39" />
      <source>{0} dish, one order alone {1:.2f} s</source>
      <translation>{0} 菜，单份订单 {1:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="40" />
      <source>each stream {0:g} s long</source>
      <translation>每段到达流 {0:g} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="41" />
      <source>the machine was busy during {0} of {1} points</source>
      <translation>{1} 个点中有 {0} 个测量时机器正忙</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_texts.py" line="42" />
      <source>stopped before the end</source>
      <translation>未完成即停止</translation>
    </message>
  </context>
  <context>
    <name>CapacityWindow</name>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="201" />
      <source>Chefline — capacity curve</source>
      <translation>Chefline — 容量曲线</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="202" />
      <source>Kitchens</source>
      <translation>厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="203" />
      <source>Load</source>
      <translation>负载</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="203" />
      <source>at</source>
      <translation>取值</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="204" />
      <source>each for</source>
      <translation>每段持续</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="205" />
      <source>Recipe</source>
      <translation>菜谱</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="205" />
      <source>Wait</source>
      <translation>等待</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="206" />
      <source>Tokens</source>
      <translation>Token 数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="207" />
      <source>Skip points over</source>
      <translation>跳过超过此时长的点</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="209" />
      <source>users at once</source>
      <translation>同时的用户数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="210" />
      <source>customers a second</source>
      <translation>每秒客人数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="213" />
      <source>The loads, rising, separated by commas (at most 12)</source>
      <translation>负载值，从小到大，用逗号分隔（最多 12 个）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="215" />
      <source>A kitchen whose next point would take longer than this (by its theory, and how much slower than it its last point was) is skipped there and beyond</source>
      <translation>如果某个厨房的下一个点会超过这个时长（按理论值，并考虑它上一个点比理论慢多少），就从这个点起跳过</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="217" />
      <source>How long each steady stream of customers lasts</source>
      <translation>每段稳定到达的客人流持续多久</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="218" />
      <source>Open…</source>
      <translation>打开…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="219" />
      <source>Show a recorded sweep (Ctrl+O)</source>
      <translation>显示已录制的扫描（Ctrl+O）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="220" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="221" />
      <source>Save the sweep as JSON, CSV, PNG and SVG (Ctrl+E)</source>
      <translation>把扫描保存为 JSON、CSV、PNG 和 SVG（Ctrl+E）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="227" />
      <source>{0} chosen</source>
      <translation>已选 {0} 个</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="270" />
      <source>Stopping after the race under way…</source>
      <translation>当前这轮比赛结束后停止…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="280" />
      <source>Open a recorded sweep</source>
      <translation>打开已录制的扫描</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="281" />
      <source>Sweep (*.json *.json.gz)</source>
      <translation>扫描文件 (*.json *.json.gz)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="290" />
      <source>A sweep recorded on {0}, each kitchen alone. Run (Ctrl+Return) measures this machine now.</source>
      <translation>这是 {0} 录制的扫描，每个厨房单独比赛。运行（Ctrl+回车）会在这台机器上重新测量。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="304" />
      <source>Export the sweep to…</source>
      <translation>把扫描导出到…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="310" />
      <source>Export the sweep once it has finished.</source>
      <translation>请等扫描结束后再导出。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="313" />
      <source>No point to export yet: run a sweep first.</source>
      <translation>还没有可导出的点：请先运行一次扫描。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="326" />
      <source>Saved {0} in {1}</source>
      <translation>已保存 {0} 到 {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="336" />
      <source>Racing {0} alone at {1}: about {2:.0f} s…</source>
      <translation>{0} 正在单独比赛，负载 {1}：约 {2:.0f} 秒…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="341" />
      <source>{0} at {1}: p95 {2:.2f} s</source>
      <translation>{0} 在 {1}：p95 {2:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="348" />
      <source>{0:g} users</source>
      <translation>{0:g} 位用户</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="348" />
      <source>1 user</source>
      <translation>1 位用户</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="353" />
      <source>Sweep stopped: {0} points measured.</source>
      <translation>扫描已停止：测得 {0} 个点。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="359" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="360" />
      <source>{0}: saturates at {1}</source>
      <translation>{0}：在 {1} 饱和</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="362" />
      <source>{0}: knee {1}</source>
      <translation>{0}：拐点 {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="363" />
      <source>Sweep done. {0}. Export: Ctrl+E</source>
      <translation>扫描完成。{0}。导出：Ctrl+E</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="367" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="367" />
      <source>Run the sweep</source>
      <translation>运行扫描</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="368" />
      <source>Ctrl+Return</source>
      <translation>Ctrl+回车</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/capacity_window.py" line="375" />
      <source>Each kitchen is raced alone at each load, the points appearing as each race ends. Press Run (Ctrl+Return).</source>
      <translation>每个厨房在每个负载下单独比赛，每轮结束就出现一个点。按“运行扫描”（Ctrl+回车）。</translation>
    </message>
  </context>
  <context>
    <name>ChefLanesView</name>
    <message>
      <location filename="../../src/chefline/ui/race/chef_lanes.py" line="93" />
      <source>up to {0} pots</source>
      <translation>最多 {0} 口锅</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/chef_lanes.py" line="109" />
      <source>{0}
working {1:.2f} s
stuck at the pot {2:.2f} s
free {3:.2f} s
most pots at once: {4}</source>
      <translation>{0}
干活 {1:.2f} 秒
守在锅边 {2:.2f} 秒
空闲 {3:.2f} 秒
同时最多几口锅：{4}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/chef_lanes.py" line="116" />
      <source>Each chef's day appears here</source>
      <translation>每位厨师的一天会显示在这里</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/chef_lanes.py" line="120" />
      <source>chef {0}</source>
      <translation>厨师 {0}</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <location filename="../../src/chefline/cli/rehearse_command.py" line="33" />
      <source>only this scene (repeat for several; default: all)</source>
      <translation>只运行这个场景（可重复指定多个；默认：全部）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/rehearse_command.py" line="39" />
      <source>rehearse the talk in this file instead of the built-in one</source>
      <translation>排练这个文件里的演讲，而不是内置的那一份</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/rehearse_command.py" line="45" />
      <source>save each scene's race there (&lt;scene&gt;.json.gz) to replay</source>
      <translation>把每个场景的比赛保存到这里（&lt;场景&gt;.json.gz），以便回放</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/rehearse_command.py" line="69" />
      <source>■ {0}: stopped ({1})</source>
      <translation>■ {0}：已停止（{1}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/rehearse_command.py" line="82" />
      <source>Stopped after {0} of {1} scenes; {2} behave as their captions say</source>
      <translation>在 {1} 个场景中的第 {0} 个之后停止；其中 {2} 个与说明相符</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/rehearse_command.py" line="85" />
      <source>{0} of {1} scenes behave as their captions say</source>
      <translation>{1} 个场景中有 {0} 个与说明相符</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/rehearse_command.py" line="98" />
      <source>  {0}: serving {1} orders…</source>
      <translation>  {0}：正在处理 {1} 张订单…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="44" />
      <source>processes, threads, memory: the most each kitchen held at once, sampled during the race. "in app": the kitchen runs in this
process, so it has no memory of its own to show; its threads are those that took its orders. Memory is PSS on Linux.</source>
      <translation>进程数、线程数、内存：比赛中采样得到的每个厨房同时占用的最大值。“在应用内”：厨房运行在本进程中，
没有可单独显示的内存；它的线程是接过它订单的那些线程。Linux 上内存为 PSS。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="84" />
      <location filename="../../src/chefline/cli/table.py" line="69" />
      <source>in app</source>
      <translation>在应用内</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="75" />
      <source>mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="75" />
      <source>framework</source>
      <translation>框架</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="75" />
      <source>route</source>
      <translation>路由</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="76" />
      <source>what you will see</source>
      <translation>你会看到</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="80" />
      <source>No ×theory for {0}: a ratio is shown only for a kitchen that served every order.</source>
      <translation>{0} 没有“×理论值”：只有上齐了每一道菜的厨房才显示这个比值。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="84" />
      <source>The {0} kitchen died during the race.</source>
      <translation>{0} 厨房在比赛中途倒下了。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="95" />
      <source>kitchen</source>
      <translation>厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="47" />
      <location filename="../../src/chefline/cli/table.py" line="95" />
      <source>served</source>
      <translation>已上菜</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="95" />
      <source>makespan</source>
      <translation>总用时</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="96" />
      <source>theory</source>
      <translation>理论值</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="48" />
      <location filename="../../src/chefline/cli/table.py" line="96" />
      <source>×theory</source>
      <translation>×理论</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="97" />
      <source>queue p95</source>
      <translation>排队 p95</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="97" />
      <source>peak</source>
      <translation>峰值</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="97" />
      <source>queue p99</source>
      <translation>排队 p99</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="98" />
      <source>chefs</source>
      <translation>厨师</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="99" />
      <source>errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="103" />
      <source>tokens/s</source>
      <translation>token/秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="18" />
      <source>p50/p95/p99: each customer's time from ordering (at a steady rate: from when they meant to order) to the dish. ×theory: p95 over a
perfect kitchen's p95. processes, threads, memory: the most each kitchen held; for a kitchen in the app's process, memory is
how much the app grew while it held the load alone (+).</source>
      <translation>p50/p95/p99：每位客人从下单（稳定速率时：从本应下单的时刻）到拿到菜的时间。×理论：p95 除以理想厨房的 p95。
进程数、线程数、内存：每个厨房最多占用多少；对在应用进程内的厨房，内存是它单独承载该负载时
应用增长了多少（+）。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="30" />
      <source>customers at a steady rate (Poisson), each stream {0:g} s long</source>
      <translation>客人以稳定速率到达（泊松），每段 {0:g} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="33" />
      <source>a burst of users ordering at once</source>
      <translation>一批用户同时下单</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="34" />
      <source>Capacity sweep: {0}; {1} dish, one order alone {2:.2f} s; each kitchen raced alone</source>
      <translation>容量扫描：{0}；{1} 菜，单份订单 {2:.2f} 秒；每个厨房单独比赛</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="44" />
      <source>rate</source>
      <translation>速率</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="44" />
      <source>users</source>
      <translation>用户数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="46" />
      <source>customers</source>
      <translation>客人数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="48" />
      <source>theory p95</source>
      <translation>理论 p95</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="50" />
      <source>queue growth</source>
      <translation>队列增长</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="51" />
      <location filename="../../src/chefline/cli/table.py" line="104" />
      <source>processes</source>
      <translation>进程数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="51" />
      <location filename="../../src/chefline/cli/table.py" line="104" />
      <source>threads</source>
      <translation>线程数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="52" />
      <location filename="../../src/chefline/cli/table.py" line="105" />
      <source>memory</source>
      <translation>内存</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="59" />
      <source>  capacity in theory: no limit but its own work</source>
      <translation>  理论容量：除自身开销外没有上限</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="61" />
      <source>  capacity in theory: {0:.3g} customers a second</source>
      <translation>  理论容量：每秒 {0:.3g} 位客人</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="95" />
      <source>  saturates at {0:g}/s: the last quarter of its customers waited {1:.2f} s longer than the first, more than one order's {2:.2f} s</source>
      <translation>  在 {0:g}/秒 饱和：最后四分之一的客人比最先四分之一多等了 {1:.2f} 秒，超过单份订单的 {2:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="113" />
      <source>{0:g} users</source>
      <translation>{0:g} 位用户</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="100" />
      <source>  knee: {0} (p95 {1:.2f} s, over {2:g} × one order's {3:.2f} s)</source>
      <translation>  拐点：{0}（p95 {1:.2f} 秒，超过单份订单 {3:.2f} 秒的 {2:g} 倍）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="103" />
      <source>  no point measured</source>
      <translation>  没有测到任何点</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="106" />
      <source>  its queue held steady up to {0:g}/s</source>
      <translation>  直到 {0:g}/秒 队列都保持稳定</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="108" />
      <source>  no knee up to {0}: p95 stayed within {1:g} × one order's {2:.2f} s</source>
      <translation>  直到 {0} 都没有拐点：p95 一直在单份订单 {2:.2f} 秒的 {1:g} 倍以内</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="113" />
      <source>1 user</source>
      <translation>1 位用户</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="125" />
      <source>The machine was busy with other work during {0} of {1} points (as few as {2:.1f} cores free of {3}): those may read slow.</source>
      <translation>{1} 个点中有 {0} 个测量时机器在忙别的事（{3} 个核中最少只空闲 {2:.1f} 个）：这些点可能偏慢。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_table.py" line="130" />
      <source>The sweep was stopped before every point was raced.</source>
      <translation>扫描在所有点测完之前就停止了。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="52" />
      <source>Beside the ideal theory, each kitchen's own work (measured when it opened: its CPU time for an empty order), which runs in
series in one interpreter, also that of the kitchens next door:</source>
      <translation>除理想理论外，还有每个厨房自身的工作（开张时测得：一张空订单花费的 CPU 时间），在同一个解释器里
只能串行进行，隔壁厨房的工作也一样：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="138" />
      <source>  {0}: {1} (first: {2})</source>
      <translation>  {0}：{1}（第一个：{2}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="141" />
      <location filename="../../src/chefline/cli/table.py" line="156" />
      <source>{0} customers per kitchen, {1}, </source>
      <translation>每个厨房 {0} 位客人，{1}，</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="144" />
      <source>LLM dish: {0} tokens streamed, one call ≈{1:.2f} s (first token {2:g} s, {3:g} tokens/s)</source>
      <translation>大模型菜品：流式输出 {0} 个 token，一次调用约 {1:.2f} 秒（首个 token {2:g} 秒，每秒 {3:g} 个 token）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="150" />
      <source>{0} dish with a {1:g} s wait</source>
      <translation>{0} 类菜品，等待 {1:g} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="160" />
      <source>your app: {0}</source>
      <translation>你的应用：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="162" />
      <source>; your app: {0}</source>
      <translation>；你的应用：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="167" />
      <source>, one kitchen at a time</source>
      <translation>，厨房依次上场</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="169" />
      <source>, customers wait at most {0:g} s</source>
      <translation>，客人最多等 {0:g} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="178" />
      <source>The race was stopped before every dish was served.</source>
      <translation>比赛在所有菜上齐之前被停止了。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="182" />
      <source>Errors:</source>
      <translation>错误：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="187" />
      <source>STOPPED: </source>
      <translation>已停止：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="37" />
      <source>Real Flask and FastAPI kitchens racing the same orders, measured.</source>
      <translation>真实的 Flask 与 FastAPI 厨房处理同样的订单，一切数字都是实测的。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="46" />
      <source>run a short real race in the window (offscreen), check it, exit 0 or 1</source>
      <translation>在窗口中（离屏）跑一轮真实的短比赛并检查，退出码为 0 或 1</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="53" />
      <source>open the window (the default command)</source>
      <translation>打开窗口（默认命令）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="57" />
      <source>serve the orders at once</source>
      <translation>立刻上菜</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="64" />
      <source>run a real race in the window offscreen and save it as an image</source>
      <translation>在离屏窗口中跑一轮真实比赛，并保存为图片</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="69" />
      <source>image file (default race.png)</source>
      <translation>图片文件（默认 race.png）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="72" />
      <source>window size (default 1920x1080)</source>
      <translation>窗口尺寸（默认 1920x1080）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="78" />
      <source>show scene N of the talk and serve its race instead</source>
      <translation>显示演讲的第 N 场，并改为处理该场的比赛</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="84" />
      <source>the window's language (default: the system's)</source>
      <translation>窗口语言（默认跟随系统）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="87" />
      <source>full screen, as in a talk</source>
      <translation>全屏，和演讲时一样</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="92" />
      <source>list the kitchen modes</source>
      <translation>列出所有厨房模式</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="95" />
      <source>race kitchens headless and print the comparison</source>
      <translation>无界面地让厨房比赛，并打印对比结果</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="101" />
      <source>print every order's full timeline</source>
      <translation>打印每张订单的完整时间线</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="106" />
      <source>also write the race as a trace for ui.perfetto.dev or chrome://tracing</source>
      <translation>同时把比赛写成追踪文件，可在 ui.perfetto.dev 或 chrome://tracing 中打开</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="113" />
      <source>the capacity curve: each kitchen raced alone at rising loads, with its knee</source>
      <translation>容量曲线：每个厨房在递增负载下单独比赛，并给出拐点</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="122" />
      <source>run every scene of the talk and check that it shows what it says</source>
      <translation>运行演讲的每一个场景，检查结果是否与说明相符</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="127" />
      <source>run kitchens on loopback until Ctrl+C</source>
      <translation>在本机回环地址上运行厨房，直到按 Ctrl+C</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/main.py" line="135" />
      <source>port of the first kitchen, the next ones count up (default: free ports)</source>
      <translation>第一个厨房的端口，后面的依次加一（默认：空闲端口）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="37" />
      <source>a kitchen to race (repeat for several; default: {0}). Modes: {1}</source>
      <translation>参加比赛的厨房（可重复指定多个；默认：{0}）。可选模式：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="46" />
      <source>chefs in flask-pool ({0}-{1}, default 4)</source>
      <translation>flask-pool 的厨师数（{0}-{1}，默认 4）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="55" />
      <source>worker processes in flask-processes ({0}-{1}, default 4)</source>
      <translation>flask-processes 的工作进程数（{0}-{1}，默认 4）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="64" />
      <source>anyio thread limit in fastapi-def (default 40, as in FastAPI)</source>
      <translation>fastapi-def 中 anyio 的线程上限（默认 40，与 FastAPI 相同）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="98" />
      <source>orders per kitchen ({0}-{1}, default 10)</source>
      <translation>每个厨房的订单数（{0}-{1}，默认 10）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="76" />
      <source>the slow step of each dish (0-{0:g} s, default 0.5)</source>
      <translation>每道菜慢步骤的时长（0-{0:g} 秒，默认 0.5）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="84" />
      <source>io: the slow step waits (sleep/await); cpu: it needs the chef's hands (hashing)</source>
      <translation>io：慢步骤是等待（sleep/await）；cpu：慢步骤要厨师亲手做（计算哈希）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="108" />
      <source>prep CPU work</source>
      <translation>备菜的 CPU 工作</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="115" />
      <source>plating CPU</source>
      <translation>装盘的 CPU 工作</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="121" />
      <source>burn: one order in every K gets an HTTP 500; slow: it takes 3× as long</source>
      <translation>burn：每 K 张订单有一张得到 HTTP 500；slow：那一张要慢 3 倍</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="130" />
      <source>how often --fault strikes (default 5)</source>
      <translation>--fault 出现的频率（默认 5）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="137" />
      <source>customers walk out after this long (default: well past the theory)</source>
      <translation>客人等这么久就离开（默认：远超理论用时）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="144" />
      <source>seconds between arrivals (default 0: everyone orders at once)</source>
      <translation>两位客人到达的间隔秒数（默认 0：所有人同时点单）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="157" />
      <source>customers arrive at a steady rate: R a second on average, as a Poisson stream (instead of --customers); latency counts from when each meant to order</source>
      <translation>客人以稳定速率到达：平均每秒 R 位，泊松流（代替 --customers）；延迟从每人本应下单的时刻算起</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="168" />
      <source>how long a steady stream of customers lasts (default {0:g} s)</source>
      <translation>稳定客人流持续多久（默认 {0:g} 秒）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="176" />
      <source>which stream of arrival times to draw (default {0})</source>
      <translation>抽取哪一组到达时刻（默认 {0}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="189" />
      <source>--rate sets how customers come; leave out --customers and --gap</source>
      <translation>--rate 决定客人如何到达；请不要同时给出 --customers 和 --gap</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="196" />
      <source>LLM dish</source>
      <translation>大模型菜品</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="197" />
      <source>--llm orders a streamed answer from a language model at each kitchen's /chat</source>
      <translation>--llm 在每个厨房的 /chat 点一份来自语言模型的流式回答</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="202" />
      <source>serve the LLM dish instead of a wait</source>
      <translation>用大模型菜品代替等待</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="205" />
      <source>what every customer asks</source>
      <translation>每位客人问的问题</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="208" />
      <source>answer length (1-{0}, default 16)</source>
      <translation>回答长度（1-{0}，默认 16）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="211" />
      <source>0-2 (default 0.7)</source>
      <translation>0-2（默认 0.7）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="234" />
      <source>built-in model: time to first token (default {0:g})</source>
      <translation>内置模型：首个 token 用时（默认 {0:g}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="243" />
      <source>built-in model: tokens per second (default {0:g})</source>
      <translation>内置模型：每秒 token 数（默认 {0:g}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="255" />
      <source>the talk's scenes from this file instead of the built-in talk</source>
      <translation>演讲的场景取自这个文件，而不是内置的演讲</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="261" />
      <source>a saved race (.json or .json.gz) to replay, with its kitchens</source>
      <translation>要回放的已保存比赛（.json 或 .json.gz），连同它的厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="217" />
      <source>your OpenAI server, e.g. http://127.0.0.1:11434/v1</source>
      <translation>你的 OpenAI 兼容服务，例如 http://127.0.0.1:11434/v1</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="219" />
      <source>the model to ask there</source>
      <translation>在那里要调用的模型</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/options.py" line="223" />
      <source>environment variable holding the API key (never written anywhere)</source>
      <translation>保存 API 密钥的环境变量（密钥从不写入任何地方）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/display_check.py" line="86" />
      <source>there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); use `chefline race` for a race in the terminal, `chefline snapshot` for a picture of one, or QT_QPA_PLATFORM=offscreen to run the window unseen</source>
      <translation>没有可以打开窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）；请用 `chefline race` 在终端里比赛，用 `chefline snapshot` 把比赛存成图片，或设置 QT_QPA_PLATFORM=offscreen 在后台运行窗口</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/display_check.py" line="95" />
      <source>the display {display} does not answer (is the X server running?); use `chefline race` for a race in the terminal or QT_QPA_PLATFORM=offscreen</source>
      <translation>显示器 {display} 没有响应（X 服务器在运行吗？）；请用 `chefline race` 在终端里比赛，或设置 QT_QPA_PLATFORM=offscreen</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/display_check.py" line="162" />
      <source>Qt's {platform} window plugin cannot load: these system libraries are missing: {names}</source>
      <translation>Qt 的 {platform} 窗口插件无法加载：缺少这些系统库：{names}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/display_check.py" line="167" />
      <source>; install them with: sudo apt-get install {packages}</source>
      <translation>；安装命令：sudo apt-get install {packages}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/display_check.py" line="171" />
      <source>; Qt's own libraries are incomplete: reinstall PySide6</source>
      <translation>；Qt 自带的库不完整：请重新安装 PySide6</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/race_command.py" line="26" />
      <source>stopped by Ctrl+C</source>
      <translation>已被 Ctrl+C 停止</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/race_command.py" line="27" />
      <source>stopped by SIGTERM</source>
      <translation>已被 SIGTERM 停止</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/race_command.py" line="73" />
      <source>chefline: {0}; what was measured until then:</source>
      <translation>chefline：{0}；到那时为止测得的结果：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/race_command.py" line="92" />
      <source>Trace written to {0}: open it in ui.perfetto.dev</source>
      <translation>追踪文件已写入 {0}：可在 ui.perfetto.dev 中打开</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/serve_command.py" line="31" />
      <source>chefline: the {0} kitchen died; closing the others</source>
      <translation>chefline：{0} 厨房倒下了；正在关闭其他厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/serve_command.py" line="63" />
      <source>closing the kitchens…</source>
      <translation>正在关闭厨房…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/serve_command.py" line="80" />
      <source>Press Ctrl+C to close your app.</source>
      <translation>按 Ctrl+C 关闭你的应用。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/serve_command.py" line="83" />
      <source>Order a dish (wait in seconds, dish io or cpu):</source>
      <translation>点一道菜（wait 以秒计，dish 为 io 或 cpu）：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/serve_command.py" line="85" />
      <source>Ten at once:</source>
      <translation>同时点十道：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/serve_command.py" line="88" />
      <source>Ask the built-in model (the LLM dish, streamed):</source>
      <translation>问内置模型（LLM 菜，流式返回）：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/serve_command.py" line="91" />
      <source>Press Ctrl+C to close the kitchens.</source>
      <translation>按 Ctrl+C 关闭厨房。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="34" />
      <source>your app</source>
      <translation>你的应用</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="43" />
      <source>path/to/app.py:app or package.module:app (ASGI or WSGI)</source>
      <translation>path/to/app.py:app 或 package.module:app（ASGI 或 WSGI）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="58" />
      <source>{0} (default: uvicorn for ASGI, werkzeug-threaded for WSGI)</source>
      <translation>{0}（默认：ASGI 用 uvicorn，WSGI 用 werkzeug-threaded）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="67" />
      <source>an event loop standing still longer than this is blocked (default 20)</source>
      <translation>事件循环停住超过这么多毫秒即算阻塞（默认 20）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="72" />
      <source>the route every customer orders (default /)</source>
      <translation>每位顾客点的路由（默认 /）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="78" />
      <source>the route's method: {0} (default GET)</source>
      <translation>路由的方法：{0}（默认 GET）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="80" />
      <source>the route's JSON body</source>
      <translation>路由的 JSON 请求体</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="89" />
      <source>{0} goes with --app</source>
      <translation>{0} 需要与 --app 一起使用</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="93" />
      <source>--app races your own route; --llm is for the built-in kitchens</source>
      <translation>--app 比的是你自己的路由；--llm 只用于内置厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="13" />
      <source>--app must look like path/to/app.py:app or package.module:app, not {0!r}</source>
      <translation>--app 的格式应为 path/to/app.py:app 或 package.module:app，而不是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="19" />
      <source>{0} has no attribute {1!r}</source>
      <translation>{0} 没有属性 {1!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="33" />
      <source>; its apps: {0}</source>
      <translation>；其中的应用：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="20" />
      <source>{0} is a {1}, not an app: name a FastAPI, Starlette or Flask app (ASGI or WSGI)</source>
      <translation>{0} 是 {1}，不是应用：请指定一个 FastAPI、Starlette 或 Flask 应用（ASGI 或 WSGI）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="15" />
      <source>there is no file {0}</source>
      <translation>没有文件 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="16" />
      <source>{0} is not a Python file</source>
      <translation>{0} 不是 Python 文件</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="17" />
      <source>there is no module {0}</source>
      <translation>没有模块 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="18" />
      <source>cannot import {0}: {1}</source>
      <translation>无法导入 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="32" />
      <source> (at {0})</source>
      <translation>（位于 {0}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="120" />
      <source>--path must start with /, not {0!r}</source>
      <translation>--path 必须以 / 开头，而不是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="123" />
      <source>--method must be one of {0}, not {1!r}</source>
      <translation>--method 必须是 {0} 之一，而不是 {1!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="131" />
      <source>--body must be JSON: {0} (line {1}, column {2})</source>
      <translation>--body 必须是 JSON：{0}（第 {1} 行，第 {2} 列）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="156" />
      <source>--server must be one of {0}, not {1!r}</source>
      <translation>--server 必须是 {0} 之一，而不是 {1!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="22" />
      <source>{0} is a {1} app, and {2} serves {3} apps; try --server {4}</source>
      <translation>{0} 是 {1} 应用，而 {2} 只能运行 {3} 应用；请试试 --server {4}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="159" />
      <source>the blocking threshold must be between 0 and 10 s, not {0:g}</source>
      <translation>阻塞阈值必须在 0 到 10 秒之间，而不是 {0:g}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="27" />
      <source>{0} failed to start: {1}</source>
      <translation>{0} 启动失败：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/exit_codes.py" line="34" />
      <source>exit codes: 0 every order served; 1 a kitchen, the model or a file failed (rehearse: a scene did not behave); 2 bad input (a flag, a value, a file, an app that cannot load); 3 some orders were not served; 4 a kitchen died; 130 stopped by Ctrl+C and 143 by SIGTERM (what was measured so far is printed, marked as stopped)</source>
      <translation>退出码：0 每张订单都上了菜；1 厨房、模型或文件出错（rehearse：有场景与说明不符）；2 输入有误（参数、数值、文件、无法加载的应用）；3 有订单没上菜；4 有厨房倒下；130 被 Ctrl+C 停止，143 被 SIGTERM 停止（打印到那时为止测得的结果，并标为已停止）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="53" />
      <source>how many users order at once at each point (default {0})</source>
      <translation>每个点同时下单的用户数（默认 {0}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="60" />
      <source>sweep by steady rate instead: customers a second at each point, each a Poisson stream of --duration seconds</source>
      <translation>改为按稳定速率扫描：每个点的每秒客人数，每段是持续 --duration 秒的泊松流</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="73" />
      <source>a kitchen whose next point would take longer than this is skipped there, and beyond (default {0:g} s)</source>
      <translation>如果某个厨房的下一个点会超过这个时长，就从这个点起跳过（默认 {0:g} 秒）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="84" />
      <source>write the sweep as JSON to FILE (- or nothing: print it instead of the tables)</source>
      <translation>把扫描以 JSON 写入 FILE（- 或不给：直接打印 JSON，代替表格）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="91" />
      <source>draw the curve into a PNG or SVG picture</source>
      <translation>把曲线画成 PNG 或 SVG 图片</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="96" />
      <source>the picture's size (default {0})</source>
      <translation>图片尺寸（默认 {0}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="102" />
      <source>show a recorded sweep (from --json) instead of running one</source>
      <translation>显示已录制的扫描（由 --json 写出），不重新运行</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="109" />
      <source>sweep by --users or by --rates, not both</source>
      <translation>请按 --users 或 --rates 扫描，不能两者都用</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="118" />
      <source>a sweep races the built-in model; --model-url is for chefline race</source>
      <translation>扫描使用内置模型；--model-url 用于 chefline race</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="130" />
      <source>the picture must be a .png or .svg file, not {0}</source>
      <translation>图片必须是 .png 或 .svg 文件，不能是 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="140" />
      <source>this build cannot draw pictures; leave out --out</source>
      <translation>这个版本不能画图；请去掉 --out</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="159" />
      <source>chefline: sweep stopped</source>
      <translation>chefline：扫描已停止</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="167" />
      <source>Sweep written to {0}</source>
      <translation>扫描已写入 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="170" />
      <source>Curve drawn in {0}</source>
      <translation>曲线已画入 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="195" />
      <source>sweeping {0} at {1} (about {2:.0f} s)…</source>
      <translation>正在扫描 {0}，负载 {1}（约 {2:.0f} 秒）…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/sweep_command.py" line="199" />
      <source>{0} at {1}: p95 {2}</source>
      <translation>{0} 在 {1}：p95 {2}</translation>
    </message>
  </context>
  <context>
    <name>ComparisonView</name>
    <message>
      <location filename="../../src/chefline/ui/talk/comparison_view.py" line="134" />
      <source>Flask and FastAPI, side by side</source>
      <translation>Flask 与 FastAPI 对照</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/comparison_view.py" line="135" />
      <source>Enter or a click on a row opens the scene that shows it; Esc closes the table.</source>
      <translation>按回车或点击某一行，打开演示它的场景；按 Esc 关闭表格。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/comparison_view.py" line="139" />
      <source>Topic</source>
      <translation>特性</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/comparison_view.py" line="140" />
      <source>Flask (sync)</source>
      <translation>Flask（同步）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/comparison_view.py" line="141" />
      <source>FastAPI (async)</source>
      <translation>FastAPI（异步）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/comparison_view.py" line="142" />
      <source>Shown in</source>
      <translation>演示场景</translation>
    </message>
  </context>
  <context>
    <name>ControlBar</name>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="31" />
      <source>all at once</source>
      <translation>同时到达</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="32" />
      <source>one every 20 ms</source>
      <translation>每 20 毫秒一位</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="33" />
      <source>one every 100 ms</source>
      <translation>每 100 毫秒一位</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="35" />
      <source>all at once, one kitchen at a time</source>
      <translation>同时到达，厨房依次上场</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="37" />
      <source>at a steady rate (Poisson)</source>
      <translation>稳定速率（泊松到达）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="40" />
      <source>I/O-bound: the dish waits</source>
      <translation>I/O 密集：菜在锅里等</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="41" />
      <source>CPU-bound: the chef chops</source>
      <translation>CPU 密集：厨师切个不停</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="42" />
      <source>LLM: a streamed model call</source>
      <translation>大模型：流式调用模型</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="157" />
      <source>Customers</source>
      <translation>客人</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="158" />
      <source>Recipe</source>
      <translation>菜谱</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="159" />
      <source>Wait per dish</source>
      <translation>每道菜等待</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="160" />
      <source>Tokens</source>
      <translation>Token 数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="161" />
      <source>Arrival</source>
      <translation>到达方式</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="162" />
      <source>Rate</source>
      <translation>速率</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="163" />
      <source>for</source>
      <translation>持续</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="170" />
      <source>one every {0:g} ms</source>
      <translation>每 {0:g} 毫秒一位</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="174" />
      <source>Customers a second, on average: each comes at a random moment (a Poisson stream), and each one's time counts from when it meant to order</source>
      <translation>平均每秒的客人数：每位客人在随机时刻到达（泊松流），每人的用时从其本应下单的时刻算起</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="176" />
      <source>How long the stream of customers lasts</source>
      <translation>客人流持续多久</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="177" />
      <source>How many customers order at once (1–1000)</source>
      <translation>同时点单的客人数（1–1000）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="178" />
      <source>How long the slow step of each dish takes (0–30 s)</source>
      <translation>每道菜慢步骤的时长（0–30 秒）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="180" />
      <source>I/O: the slow step waits (a database, an LLM API).
CPU: the slow step is hashing, so async cannot help.
LLM: each kitchen calls a language model and streams its tokens on (Model menu).</source>
      <translation>I/O：慢步骤是等待（数据库、大模型 API）。
CPU：慢步骤是计算哈希，异步帮不上忙。
大模型：每个厨房调用语言模型，并把 token 逐个转发给客人（“模型”菜单）。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="184" />
      <source>How many tokens each answer streams (max_tokens)</source>
      <translation>每个回答流式输出的 token 数（max_tokens）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="185" />
      <source>Serving…</source>
      <translation>上菜中…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="185" />
      <source>Serve</source>
      <translation>上菜</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="187" />
      <source>Send the same orders to every kitchen at once (Space)</source>
      <translation>把同样的订单同时发给每个厨房（空格键）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="189" />
      <source>Reset</source>
      <translation>重置</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/control_bar.py" line="190" />
      <source>Clear the race (R)</source>
      <translation>清除本轮比赛（R）</translation>
    </message>
  </context>
  <context>
    <name>CurveView</name>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="37" />
      <source>Capacity curve</source>
      <translation>容量曲线</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="83" />
      <source>{0:g} customers a second ({1} came)</source>
      <translation>每秒 {0:g} 位客人（共来了 {1} 位）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="84" />
      <source>1 user alone</source>
      <translation>只有 1 位用户</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="85" />
      <source>{0:g} users at once</source>
      <translation>同时 {0:g} 位用户</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="88" />
      <source>p50 {0:.2f} s · p95 {1:.2f} s · p99 {2:.2f} s</source>
      <translation>p50 {0:.2f} 秒 · p95 {1:.2f} 秒 · p99 {2:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="91" />
      <source>theory's p95 {0:.2f} s: ×{1:.2f}</source>
      <translation>理论 p95 {0:.2f} 秒：×{1:.2f}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="93" />
      <source>served {0} of {1}</source>
      <translation>上菜 {0}/{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="95" />
      <source>the last quarter waited {0:+.2f} s longer than the first</source>
      <translation>最后四分之一的客人比最先四分之一多等了 {0:+.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="98" />
      <source>in the app's process</source>
      <translation>在应用进程内</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="99" />
      <source>{0} processes</source>
      <translation>{0} 个进程</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="100" />
      <source>held: {0}, {1} threads, {2}</source>
      <translation>占用：{0}，{1} 个线程，{2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="105" />
      <source>saturated: its queue grew by more than one order's {0:.2f} s</source>
      <translation>饱和：队列增长超过单份订单的 {0:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="108" />
      <source>the knee: the first load past {0:g} × one order's {1:.2f} s</source>
      <translation>拐点：第一个超过单份订单 {1:.2f} 秒 {0:g} 倍的负载</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_view.py" line="111" />
      <source>{0:.1f} cores free while it raced</source>
      <translation>比赛时空闲 {0:.1f} 个核</translation>
    </message>
  </context>
  <context>
    <name>Engine</name>
    <message>
      <location filename="../../src/chefline/engine/restaurant.py" line="31" />
      <source>The {0} kitchen could not open: {1}</source>
      <translation>{0} 厨房无法打开：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/restaurant.py" line="32" />
      <source>The {0} kitchen could not open again: {1}</source>
      <translation>{0} 厨房无法重新打开：{1}</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../src/chefline/ui/errors.py" line="63" />
      <source>Chefline — unexpected error</source>
      <translation>Chefline — 意外错误</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/errors.py" line="64" />
      <source>Something went wrong, but Chefline is still running.</source>
      <translation>出了点问题，但 Chefline 仍在运行。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="97" />
      <source>the API key should be in the environment variable {0}, which is not set</source>
      <translation>API 密钥应放在环境变量 {0} 中，但它没有设置</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="132" />
      <source>the reply from {0} is not an OpenAI chat stream: {1!r}</source>
      <translation>{0} 的回复不是 OpenAI 聊天流：{1!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="135" />
      <source>the reply from {0} is not an OpenAI chat stream</source>
      <translation>{0} 的回复不是 OpenAI 聊天流</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="148" />
      <source>the model server at {0} refused the API key in ${1} ({2}){3}</source>
      <translation>{0} 的模型服务拒绝了 ${1} 中的 API 密钥（{2}）{3}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="154" />
      <source>the model server at {0} wants an API key (name its environment variable, e.g. OPENAI_API_KEY) ({1}){2}</source>
      <translation>{0} 的模型服务需要 API 密钥（请填写保存它的环境变量名，例如 OPENAI_API_KEY）（{1}）{2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="161" />
      <source>the model server at {0} has no model {1!r} ({2}){3}</source>
      <translation>{0} 的模型服务没有模型 {1!r}（{2}）{3}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="164" />
      <source>nothing at {0} answers OpenAI chat requests (404, {1} content): check the base URL, which usually ends in /v1</source>
      <translation>{0} 不响应 OpenAI 聊天请求（404，{1} 内容）：请检查基础地址，它通常以 /v1 结尾</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="170" />
      <source>the model server at {0} answered {1}{2}</source>
      <translation>{0} 的模型服务返回了 {1}{2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="196" />
      <source>the reply from {0} is not an OpenAI event stream (content type {1}): {2!r}</source>
      <translation>{0} 的回复不是 OpenAI 事件流（内容类型 {1}）：{2!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="205" />
      <source>nobody answered at {0}: is the model server running?</source>
      <translation>{0} 没有人应答：模型服务在运行吗？</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="210" />
      <source>the model at {0} went silent for over {1:g} s</source>
      <translation>{0} 的模型超过 {1:g} 秒没有回应</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="215" />
      <source>the call to {0} failed: {1}: {2}</source>
      <translation>调用 {0} 失败：{1}：{2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="251" />
      <location filename="../../src/chefline/servers/llm/model_probe.py" line="65" />
      <source>{0} was still streaming after {1:g} s</source>
      <translation>{0} 过了 {1:g} 秒仍在输出</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="222" />
      <source>the reply from {0} has a line of over {1} characters</source>
      <translation>{0} 的回复中有一行超过 {1} 个字符</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_probe.py" line="67" />
      <source>{0} did not answer within {1:g} s</source>
      <translation>{0} 在 {1:g} 秒内没有回答</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_probe.py" line="91" />
      <source>{0} answered with no tokens at all</source>
      <translation>{0} 的回答里一个 token 也没有</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/llm/model_link.py" line="326" />
      <source>no language model is set up for the kitchens</source>
      <translation>还没有为厨房设置语言模型</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/runners/server_thread.py" line="26" />
      <source>port must be between 0 and 65535, not {0}</source>
      <translation>端口必须在 0 到 65535 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/runners/server_thread.py" line="40" />
      <source>port {0} on {1} is already in use</source>
      <translation>{1} 上的端口 {0} 已被占用</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/runners/server_thread.py" line="42" />
      <source>cannot listen on {0}:{1}: {2}</source>
      <translation>无法在 {0}:{1} 上监听：{2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/runners/server_thread.py" line="100" />
      <source>kitchen {0} did not start{1}</source>
      <translation>厨房 {0} 没有启动{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="55" />
      <source>document</source>
      <translation>文档</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="69" />
      <source>it is larger than {0} kB</source>
      <translation>超过 {0} kB</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="77" />
      <source>it is not a regular file (a pipe, a device or a folder)</source>
      <translation>它不是普通文件（而是管道、设备或文件夹）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/sweep_file.py" line="47" />
      <location filename="../../src/chefline/client/sweep_file.py" line="266" />
      <source>could not write {0}: {1}</source>
      <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/sweep_file.py" line="67" />
      <source>{0} is not a sweep Chefline can show: {1}</source>
      <translation>{0} 不是 Chefline 能显示的扫描：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/sweep_file.py" line="72" />
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="148" />
      <source>cannot read {0}: {1}</source>
      <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="157" />
      <source>it holds more {0} than any {1} can ({2} at most)</source>
      <translation>其中的{0}比任何{1}可能有的都多（最多 {2}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="160" />
      <source>it is larger than {0} bytes</source>
      <translation>超过 {0} 字节</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="163" />
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="172" />
      <source>strings</source>
      <translation>字符串</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="176" />
      <source>arrays and objects</source>
      <translation>数组和对象</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="180" />
      <source>values</source>
      <translation>值</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="185" />
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="206" />
      <source>it is nested deeper than a {0} ({1} levels at most)</source>
      <translation>嵌套层数超过{0}应有的深度（最多 {1} 层）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="200" />
      <source>{0} is not a number a {1} can hold</source>
      <translation>{0} 不是{1}里可以有的数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/bounded_json.py" line="67" />
      <source>it is larger than {0} MB uncompressed</source>
      <translation>解压后超过 {0} MB</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/plan.py" line="68" />
      <source>{0} would need about {1:.0f} s for {2} customers with a {3:g} s wait; a race may last at most {4:.0f} s. Use fewer customers or a shorter wait.</source>
      <translation>{0} 处理 {2} 位客人（每道菜等待 {3:g} 秒）大约需要 {1:.0f} 秒；一轮比赛最多 {4:.0f} 秒。请减少客人或缩短等待。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/failures.py" line="65" />
      <source>nobody answered at {0}: the kitchen is not running</source>
      <translation>{0} 没有人应答：厨房没有在运行</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/order.py" line="266" />
      <source>the kitchen hung up before the dish was served</source>
      <translation>厨房在上菜之前挂断了连接</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/failures.py" line="58" />
      <location filename="../../src/chefline/client/failures.py" line="76" />
      <source>the customer walked out after waiting {0:.1f} s</source>
      <translation>客人等了 {0:.1f} 秒后离开了</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/trace_file.py" line="30" />
      <source>Could not write the trace to {0}: {1}.</source>
      <translation>无法把追踪文件写入 {0}：{1}。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/export.py" line="48" />
      <location filename="../../src/chefline/client/race_file.py" line="73" />
      <source>{0} is damaged: {1}</source>
      <translation>{0} 已损坏：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/client/race_file.py" line="54" />
      <source>race</source>
      <translation>比赛文件</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/scenes.py" line="187" />
      <source>the talk {0}</source>
      <translation>演讲文件 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/scenes.py" line="190" />
      <source>the talk {0} is damaged: {1}</source>
      <translation>演讲文件 {0} 已损坏：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/talk_file.py" line="39" />
      <source>talk</source>
      <translation>演讲文件</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/apps/bad_requests.py" line="38" />
      <source>order</source>
      <translation>订单</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/arrivals.py" line="49" />
      <source>{0:g} customers a second for {1:g} s is about {2:.0f} customers; a race holds at most {3}. Use a lower rate or a shorter duration.</source>
      <translation>每秒 {0:g} 位客人、持续 {1:g} 秒，大约是 {2:.0f} 位客人；一轮比赛最多 {3} 位。请降低速率或缩短时长。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_pictures.py" line="61" />
      <location filename="../../src/chefline/ui/sweep/curve_pictures.py" line="68" />
      <location filename="../../src/chefline/ui/sweep/curve_pictures.py" line="78" />
      <location filename="../../src/chefline/ui/sweep/curve_pictures.py" line="83" />
      <source>could not write {0}</source>
      <translation>无法写入 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/curve_pictures.py" line="64" />
      <source>a curve is drawn as .png or .svg, not {0}</source>
      <translation>曲线只能画成 .png 或 .svg，不能是 {0}</translation>
    </message>
  </context>
  <context>
    <name>FaultsMenu</name>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="17" />
      <source>No faults</source>
      <translation>没有故障</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="18" />
      <source>Every 5th dish burns (HTTP 500)</source>
      <translation>每 5 道菜烧糊一道（HTTP 500）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="19" />
      <source>Every 10th dish burns (HTTP 500)</source>
      <translation>每 10 道菜烧糊一道（HTTP 500）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="21" />
      <source>Every 5th dish takes 3× as long</source>
      <translation>每 5 道菜有一道慢 3 倍</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="24" />
      <source>Customers wait as long as it takes</source>
      <translation>客人会一直等下去</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="25" />
      <source>Customers walk out after 2 s</source>
      <translation>客人等 2 秒就走</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="26" />
      <source>Customers walk out after 5 s</source>
      <translation>客人等 5 秒就走</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="48" />
      <source>F&amp;aults</source>
      <translation>故障(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/faults_menu.py" line="78" />
      <source>Customers walk out after {0:g} s</source>
      <translation>客人等 {0:g} 秒就走</translation>
    </message>
  </context>
  <context>
    <name>HelpOverlay</name>
    <message>
      <location filename="../../src/chefline/ui/talk/help_overlay.py" line="56" />
      <source>Keys of the talk</source>
      <translation>演讲快捷键</translation>
    </message>
  </context>
  <context>
    <name>Keys</name>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="66" />
      <source>the talk's next step: serve the scene, then the next scene</source>
      <translation>演讲的下一步：先上这一幕的菜，再到下一幕</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="68" />
      <source>previous scene</source>
      <translation>上一个场景</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="70" />
      <source>serve the orders (scene 8: send the bad order)</source>
      <translation>上菜（第 8 场：发送错误订单）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="72" />
      <source>blank the screen (again to come back)</source>
      <translation>黑屏（再按一次恢复）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="74" />
      <source>start the talk; go on from the last scene</source>
      <translation>开始演讲；从上次那一幕继续</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="77" />
      <source>close what covers the talk, else leave it for the full view</source>
      <translation>关闭盖在演讲上的内容，否则退出演讲回到完整视图</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="80" />
      <source>reset</source>
      <translation>重置</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="81" />
      <source>full screen</source>
      <translation>全屏</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="82" />
      <source>larger or smaller text</source>
      <translation>放大或缩小文字</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="84" />
      <source>speaker notes (on the second screen if there is one)</source>
      <translation>演讲者备注（有第二块屏幕时显示在那里）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="86" />
      <source>theme: light, dark, high contrast</source>
      <translation>主题：浅色、深色、高对比度</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="87" />
      <source>language: English, 中文</source>
      <translation>语言：English、中文</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="89" />
      <source>the comparison table, each row linked to its scene</source>
      <translation>对比表，每一行都链接到演示它的场景</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="92" />
      <source>latency histogram: how long each kitchen's customers took</source>
      <translation>延迟直方图：每个厨房的顾客各用了多长时间</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="94" />
      <source>replay the last race (again: live view)</source>
      <translation>回放上一轮比赛（再按一次：回到实时）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="96" />
      <source>this scene's recorded race (no live kitchen)</source>
      <translation>本场景录好的比赛（没有现场厨房时）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="98" />
      <source>FastAPI's API docs (/docs) in the browser</source>
      <translation>在浏览器里打开 FastAPI 的 API 文档（/docs）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="99" />
      <source>spotlight: dim all but the pointer's circle</source>
      <translation>聚光灯：除指针周围一圈外全部变暗</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="100" />
      <source>replay slower or faster (0.1× to 4×)</source>
      <translation>回放减速或加速（0.1× 到 4×）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="101" />
      <source>replay: previous or next event</source>
      <translation>回放：上一个或下一个事件</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="102" />
      <source>this help; Esc closes it</source>
      <translation>本帮助；按 Esc 关闭</translation>
    </message>
  </context>
  <context>
    <name>KitchenPanel</name>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="125" />
      <source>The real server of this kitchen: GET {0}?wait=0.5</source>
      <translation>这个厨房背后的真实服务器：GET {0}?wait=0.5</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="130" />
      <source>closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="132" />
      <source>This kitchen is closed: its orders will find nobody. Restart it.</source>
      <translation>这个厨房已关闭：发给它的订单没人接。请重新打开。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="134" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="136" />
      <source>Close this kitchen now, as if it crashed; the others go on</source>
      <translation>立刻关闭这个厨房，就像它崩溃了一样；其他厨房照常营业</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="138" />
      <source>Restart</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="139" />
      <source>Open this kitchen again on a new port</source>
      <translation>在新端口上重新打开这个厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="141" />
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="142" />
      <source>Chefs</source>
      <translation>厨师</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="167" />
      <source>CPU dish: nothing to await, so the one chef chops each dish in turn.</source>
      <translation>CPU 菜：没有可以 await 的等待，唯一的厨师只能一道接一道地切。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="169" />
      <source>CPU dish: a chef per process, so the dishes are chopped at once, one per core.</source>
      <translation>CPU 菜：每个进程一个厨师，几道菜同时切，每个核心一道。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_panel.py" line="171" />
      <source>CPU dish: the chefs are threads, and take turns at Python's one GIL.</source>
      <translation>CPU 菜：厨师是线程，要轮流使用 Python 唯一的 GIL。</translation>
    </message>
  </context>
  <context>
    <name>KitchenScene</name>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="118" />
      <source>waiting: {0}</source>
      <translation>排队：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="120" />
      <source>served: {0}</source>
      <translation>已上菜：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="123" />
      <source>failed: {0}</source>
      <translation>失败：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="128" />
      <source>1 chef stuck at the pot</source>
      <translation>1 位厨师守在锅边</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="130" />
      <source>{0} chefs stuck at the pot</source>
      <translation>{0} 位厨师守在锅边</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="132" />
      <source>{0} pots on the stove, chef free</source>
      <translation>灶上 {0} 口锅，厨师有空</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="134" />
      <source>1 chef working</source>
      <translation>1 位厨师在干活</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="136" />
      <source>{0} chefs working</source>
      <translation>{0} 位厨师在干活</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/kitchen_scene.py" line="137" />
      <source>chef free</source>
      <translation>厨师有空</translation>
    </message>
  </context>
  <context>
    <name>KitchensArea</name>
    <message>
      <location filename="../../src/chefline/ui/race/kitchens_area.py" line="71" />
      <source>Opening the kitchens…</source>
      <translation>正在打开厨房…</translation>
    </message>
  </context>
  <context>
    <name>LatencyHistogram</name>
    <message>
      <location filename="../../src/chefline/ui/race/latency_histogram.py" line="108" />
      <source>Time in the restaurant, from order to dish: how many served customers took how long, every kitchen on the same axis</source>
      <translation>在餐厅里待了多久（从下单到上菜）：已上菜的顾客各用了多长时间，所有厨房共用同一条时间轴</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/latency_histogram.py" line="111" />
      <source>No dish served yet: the histogram fills as orders are served.</source>
      <translation>还没有上菜：上菜后直方图会逐渐填满。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/latency_histogram.py" line="113" />
      <source>Each row is one kitchen, scaled to its tallest bar; p50, p95, p99 marked</source>
      <translation>每行是一个厨房，按它最高的柱子缩放；标出了 p50、p95、p99</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/latency_histogram.py" line="258" />
      <source>tallest bar: {0}</source>
      <translation>最高的柱子：{0}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../src/chefline/ui/main_window.py" line="175" />
      <source>Chefline — sync vs async kitchens</source>
      <translation>Chefline — 同步与异步厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/main_window.py" line="186" />
      <source>Watch threads busy and waits held.</source>
      <translation>留意“忙碌线程”和“挂起的等待”。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/main_window.py" line="190" />
      <source>Watch processes, threads held and memory.</source>
      <translation>留意进程数、占用线程和内存。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/main_window.py" line="194" />
      <source>Wait for the race to finish before changing the scene.</source>
      <translation>请等本轮比赛结束后再切换场景。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/main_window.py" line="202" />
      <source>100 users ask an LLM: press Serve (Space). {0}</source>
      <translation>100 个用户同时问大模型：按“上菜”（空格键）。{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/main_window.py" line="350" />
      <source>Kitchens open on 127.0.0.1: {0} — press Serve (Space)</source>
      <translation>127.0.0.1 上已打开的厨房：{0} 个 — 按“上菜”（空格键）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/main_window.py" line="352" />
      <source>No kitchen open: choose some in the Kitchens menu.</source>
      <translation>没有打开的厨房：请在“厨房”菜单中选择。</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="55" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="130" />
      <source>&amp;Export race…</source>
      <translation>导出比赛(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="131" />
      <source>Export this &amp;view as a 1920×1080 PNG…</source>
      <translation>把当前画面导出为 1920×1080 PNG(&amp;V)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="132" />
      <source>Export the replay as an animated &amp;GIF…</source>
      <translation>把回放导出为 GIF 动画(&amp;G)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="133" />
      <source>Export a &amp;trace for Perfetto…</source>
      <translation>导出 Perfetto 追踪文件(&amp;T)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="134" />
      <source>&amp;Save race for replay…</source>
      <translation>保存比赛以便回放(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="135" />
      <source>&amp;Open a saved race…</source>
      <translation>打开保存的比赛(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="136" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="56" />
      <source>&amp;Kitchens</source>
      <translation>厨房(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="137" />
      <source>Your &amp;app…</source>
      <translation>你的应用(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="138" />
      <source>&amp;Close your app</source>
      <translation>关闭你的应用(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="57" />
      <source>&amp;Model</source>
      <translation>模型(&amp;M)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="139" />
      <source>&amp;100 users ask an LLM</source>
      <translation>100 个用户同时问大模型(&amp;1)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="140" />
      <source>100 users: what each way &amp;costs</source>
      <translation>100 个用户：每种做法的成本(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="141" />
      <source>Language &amp;model…</source>
      <translation>语言模型(&amp;M)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="142" />
      <source>Send a &amp;bad order to Flask and FastAPI</source>
      <translation>向 Flask 和 FastAPI 发送错误订单(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="143" />
      <source>Open FastAPI's API &amp;docs (/docs)</source>
      <translation>打开 FastAPI 的 API 文档(&amp;D)（/docs）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="58" />
      <source>&amp;Talk</source>
      <translation>演讲(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="147" />
      <source>&amp;Previous scene</source>
      <translation>上一个场景(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="148" />
      <source>&amp;Blank the screen</source>
      <translation>黑屏(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="149" />
      <source>&amp;Comparison table</source>
      <translation>对比表(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="150" />
      <source>Speaker &amp;notes</source>
      <translation>演讲者备注(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="151" />
      <source>&amp;Theme: light, dark, high contrast</source>
      <translation>主题：浅色、深色、高对比度(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="152" />
      <source>&amp;Language: English, 中文</source>
      <translation>语言：English、中文(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="153" />
      <source>&amp;Larger text</source>
      <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="154" />
      <source>&amp;Smaller text</source>
      <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="155" />
      <source>S&amp;potlight on the pointer</source>
      <translation>指针聚光灯(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="156" />
      <source>&amp;Keys of the talk</source>
      <translation>演讲快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="157" />
      <source>&amp;Replay the last race / back to live</source>
      <translation>回放上一轮比赛 / 回到实时(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="158" />
      <source>Play this scene's &amp;recorded race</source>
      <translation>播放本场景预先录制的比赛(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="159" />
      <source>Replay &amp;slower</source>
      <translation>回放减速(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="160" />
      <source>Replay &amp;faster</source>
      <translation>回放加速(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="161" />
      <source>Replay: previous &amp;event</source>
      <translation>回放：上一个事件(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="162" />
      <source>Replay: next e&amp;vent</source>
      <translation>回放：下一个事件(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="59" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="144" />
      <source>&amp;Start the talk</source>
      <translation>开始演讲(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="145" />
      <source>Go on with the talk</source>
      <translation>继续演讲</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="146" />
      <source>&amp;Next step: serve, then next scene</source>
      <translation>下一步：上菜，然后下一幕(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="163" />
      <source>&amp;Full screen</source>
      <translation>全屏(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="164" />
      <source>Fit the &amp;time axis</source>
      <translation>时间轴自适应(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="165" />
      <source>&amp;Capacity curve: each kitchen at rising loads…</source>
      <translation>容量曲线：每个厨房在递增负载下(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="166" />
      <source>Latency &amp;histogram: show or hide</source>
      <translation>延迟直方图：显示或隐藏(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="60" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/commands.py" line="167" />
      <source>&amp;About Chefline</source>
      <translation>关于 Chefline(&amp;A)</translation>
    </message>
  </context>
  <context>
    <name>ModelDialog</name>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="50" />
      <source>Language model of the LLM dish</source>
      <translation>大模型菜品使用的语言模型</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="52" />
      <source>The built-in model (no network, set speed)</source>
      <translation>内置模型（无需联网，可设定速度）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="55" />
      <source>My own OpenAI-compatible server (Ollama, vLLM, LM Studio…)</source>
      <translation>我自己的 OpenAI 兼容服务（Ollama、vLLM、LM Studio…）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="74" />
      <source>e.g. OPENAI_API_KEY (the key itself is never stored)</source>
      <translation>例如 OPENAI_API_KEY（密钥本身从不保存）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="83" />
      <source>Time to first token</source>
      <translation>首个 token 用时</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="84" />
      <source>Speed</source>
      <translation>速度</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="86" />
      <source>Base URL</source>
      <translation>基础地址</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="87" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="88" />
      <source>API key variable</source>
      <translation>API 密钥环境变量</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="89" />
      <source>Every customer asks:</source>
      <translation>每位客人都问：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="90" />
      <source>Prompt</source>
      <translation>提示词</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="91" />
      <source>Temperature</source>
      <translation>温度</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="95" />
      <source>Test the model</source>
      <translation>测试模型</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="124" />
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="154" />
      <source>Calling the model…</source>
      <translation>正在调用模型…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/model_dialog.py" line="139" />
      <source>✓ first token after {0:.2f} s, {1:.0f} tokens/s: “{2}”</source>
      <translation>✓ {0:.2f} 秒后收到首个 token，每秒 {1:.0f} 个 token：“{2}”</translation>
    </message>
  </context>
  <context>
    <name>Modes</name>
    <message>
      <location filename="../../src/chefline/kitchen/modes/fastapi_async.py" line="11" />
      <source>One chef puts every pot on the stove and takes the next order while they cook.</source>
      <translation>一个厨师把每口锅都放上灶，趁着煮的时候去接下一张单。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/fastapi_blocking.py" line="11" />
      <source>The classic mistake: time.sleep inside async def freezes the one chef at the pot.</source>
      <translation>经典错误：在 async def 里调用 time.sleep，把唯一的厨师定在了锅边。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/fastapi_def.py" line="11" />
      <source>FastAPI hands plain def routes to a thread pool: up to its cap (40) cook at once.</source>
      <translation>FastAPI 把普通 def 路由交给线程池：最多同时做上限（40）道菜。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/flask_async_view.py" line="11" />
      <source>Async syntax in Flask: the one chef still waits for each coroutine to finish.</source>
      <translation>Flask 里的异步写法：唯一的厨师仍要等每个协程做完。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/flask_gevent.py" line="11" />
      <source>The one-chef route, but gevent makes sleep and sockets green: one thread juggles all.</source>
      <translation>还是单厨师的路由，但 gevent 把 sleep 和 socket 换成了绿色版本：一个线程照看所有订单。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/flask_one_chef.py" line="11" />
      <source>One chef cooks one dish at a time; every other customer queues behind the slow dish.</source>
      <translation>一个厨师一次只做一道菜；其他客人都排在慢菜后面。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/flask_pool.py" line="11" />
      <source>A fixed brigade of k chefs (a production WSGI server); orders come in waves of k.</source>
      <translation>固定的 k 人厨师班（生产级 WSGI 服务器）；订单按每批 k 道完成。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/flask_processes.py" line="11" />
      <source>k one-chef kitchens behind one door: orders come in waves of k, each chef a process.</source>
      <translation>一扇门后有 k 个单厨师厨房：订单按每批 k 道完成，每个厨师是一个进程。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/modes/flask_threaded.py" line="13" />
      <source>A new chef (thread) is hired for every order; each one stands at their own pot.</source>
      <translation>每来一张订单就雇一个新厨师（线程）；每个人守着自己的锅。</translation>
    </message>
  </context>
  <context>
    <name>OrderTimeline</name>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="33" />
      <source>Order #{0}</source>
      <translation>订单 #{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="34" />
      <source>sent at {0}</source>
      <translation>{0} 下单</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="39" />
      <source>picked up at {0} (waited {1:.3f} s)</source>
      <translation>{0} 被接单（等了 {1:.3f} 秒）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="46" />
      <source>chef working</source>
      <translation>厨师在干活</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="47" />
      <source>chef stuck at the pot</source>
      <translation>厨师守在锅边</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="48" />
      <source>on the stove, chef free</source>
      <translation>在灶上煮，厨师有空</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="53" />
      <source>first token at {0} (TTFT {1:.3f} s), {2} tokens, the last at {3}</source>
      <translation>{0} 收到首个 token（TTFT {1:.3f} 秒），共 {2} 个 token，最后一个在 {3}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="62" />
      <source>served at {0}, {1:.3f} s in all</source>
      <translation>{0} 上菜，共 {1:.3f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="67" />
      <source>failed: {0}</source>
      <translation>失败：{0}</translation>
    </message>
  </context>
  <context>
    <name>OrderTimelineView</name>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="261" />
      <source>own axis: 0 to {0}</source>
      <translation>独立时间轴：0 到 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/order_timeline.py" line="333" />
      <source>Orders appear here, one lane each, as they happen</source>
      <translation>订单会实时显示在这里，每单一行</translation>
    </message>
  </context>
  <context>
    <name>OwnWork</name>
    <message>
      <location filename="../../src/chefline/kitchen/own_work.py" line="19" />
      <source>ideal {0:.2f} s + {1} × {2:.2f} ms own work</source>
      <translation>理想 {0:.2f} 秒 + {1} × {2:.2f} 毫秒自身工作</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/own_work.py" line="23" />
      <source> + {0:.2f} s next door</source>
      <translation> + 隔壁 {0:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/own_work.py" line="26" />
      <source> (took ×{0:.2f})</source>
      <translation>（实际 ×{0:.2f}）</translation>
    </message>
  </context>
  <context>
    <name>Palette</name>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="61" />
      <source>waiting</source>
      <translation>排队</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="62" />
      <source>waiting for a chef</source>
      <translation>等厨师来接单</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="68" />
      <source>chef working</source>
      <translation>厨师干活</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="69" />
      <source>chef's hands busy (CPU)</source>
      <translation>厨师的手不得闲（CPU）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="75" />
      <source>chef stuck at pot</source>
      <translation>厨师守在锅边</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="76" />
      <source>waiting, and the chef cannot leave (blocking)</source>
      <translation>在等待，而且厨师走不开（阻塞）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="82" />
      <source>on the stove</source>
      <translation>在灶上</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="83" />
      <source>waiting, the chef is free (await)</source>
      <translation>在等待，厨师却有空（await）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="89" />
      <source>to the table</source>
      <translation>端上桌</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="90" />
      <source>reply on its way</source>
      <translation>回复在路上</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="96" />
      <source>served</source>
      <translation>已上菜</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="97" />
      <source>the customer got the dish</source>
      <translation>客人拿到了菜</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="103" />
      <source>failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="104" />
      <source>no dish: error or timeout</source>
      <translation>没有菜：出错或超时</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="110" />
      <source>first token</source>
      <translation>首个 token</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="111" />
      <source>an LLM answer's first token reached the customer (short ticks: the next)</source>
      <translation>大模型回答的首个 token 到达客人（短刻度：后续的 token）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="120" />
      <source>chef free</source>
      <translation>厨师有空</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/look/palette.py" line="121" />
      <source>free to take an order</source>
      <translation>可以接新单</translation>
    </message>
  </context>
  <context>
    <name>Presenter</name>
    <message>
      <location filename="../../src/chefline/ui/talk/presenter.py" line="88" />
      <source>Shift+P: the race recorded for it.</source>
      <translation>Shift+P：播放为这一幕录好的比赛。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/presenter.py" line="92" />
      <source>Other programs used {0:.1f} of {1} cores: this race cannot show what needs {2} free cores.</source>
      <translation>其他程序占用了 {1} 个核心中的 {0:.1f} 个：这场比赛无法展示需要 {2} 个空闲核心的结论。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/presenter.py" line="101" />
      <source>Not borne out: {0}.</source>
      <translation>未能证实：{0}。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/presenter.py" line="199" />
      <source>The end of the talk. Esc leaves it for the full view.</source>
      <translation>演讲结束。按 Esc 回到完整视图。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/presenter.py" line="342" />
      <source>No recorded race for the scene {0}.</source>
      <translation>场景 {0} 没有预先录制的比赛。</translation>
    </message>
  </context>
  <context>
    <name>RaceFiles</name>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="57" />
      <source>Replay the race once it has finished.</source>
      <translation>请等比赛结束后再回放。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="60" />
      <source>No race to replay yet: press Serve (Space) first.</source>
      <translation>还没有可回放的比赛：请先按“上菜”（空格键）。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="67" />
      <source>No finished race to save yet.</source>
      <translation>还没有已完成的比赛可保存。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="70" />
      <source>Save the race</source>
      <translation>保存比赛</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="70" />
      <location filename="../../src/chefline/ui/files/race_files.py" line="110" />
      <source>Race (*.json)</source>
      <translation>比赛 (*.json)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="75" />
      <source>Saved {0}: open it with Ctrl+O to replay it</source>
      <translation>已保存 {0}：用 Ctrl+O 打开即可回放</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="81" />
      <source>Export the trace once the race has finished.</source>
      <translation>请等比赛结束后再导出追踪文件。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="85" />
      <source>No race to export yet: press Serve (Space) first.</source>
      <translation>还没有可导出的比赛：请先按“上菜”（空格键）。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="89" />
      <source>Export a trace for Perfetto</source>
      <translation>导出 Perfetto 追踪文件</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="90" />
      <source>Trace Event Format (*.json)</source>
      <translation>Trace Event Format 追踪文件 (*.json)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="104" />
      <source>Saved {0}: open it in ui.perfetto.dev or chrome://tracing</source>
      <translation>已保存 {0}：可在 ui.perfetto.dev 或 chrome://tracing 中打开</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="110" />
      <source>Open a saved race</source>
      <translation>打开保存的比赛</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="129" />
      <source>Wait for the race to finish before opening another.</source>
      <translation>请等本轮比赛结束后再打开另一场。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="180" />
      <source>The replay shows {0} of its {1} kitchens: {2} could not open.</source>
      <translation>回放只显示了 {1} 个厨房中的 {0} 个：{2} 无法打开。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="191" />
      <source>Export this view</source>
      <translation>导出当前画面</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="191" />
      <source>Image (*.png)</source>
      <translation>图片 (*.png)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="195" />
      <location filename="../../src/chefline/ui/files/race_files.py" line="239" />
      <location filename="../../src/chefline/ui/files/race_files.py" line="247" />
      <source>Saved {0}</source>
      <translation>已保存 {0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="218" />
      <source>Export a replay once a race has finished.</source>
      <translation>请等比赛结束后再导出回放。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="221" />
      <source>Export the replay</source>
      <translation>导出回放</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="221" />
      <source>Animation (*.gif)</source>
      <translation>动画 (*.gif)</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="235" />
      <source>Writing the GIF… frame {0} of {1}</source>
      <translation>正在生成 GIF… 第 {0} 帧，共 {1} 帧</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/race_files.py" line="243" />
      <source>Export the race to…</source>
      <translation>把比赛导出到…</translation>
    </message>
  </context>
  <context>
    <name>RaceSession</name>
    <message>
      <location filename="../../src/chefline/ui/session.py" line="162" />
      <source>Wait for the race to finish before changing kitchens.</source>
      <translation>请等本轮比赛结束后再更换厨房。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/session.py" line="257" />
      <source>A capacity sweep is running (View → Capacity curve): stop it before serving.</source>
      <translation>容量扫描正在运行（视图 → 容量曲线）：请先停止它再上菜。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/session.py" line="262" />
      <source>No kitchen is open: choose at least one in the Kitchens menu.</source>
      <translation>没有打开的厨房：请在“厨房”菜单中至少选择一个。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/session.py" line="342" />
      <source>The race stopped with an unexpected error: {0}</source>
      <translation>比赛因意外错误而停止：{0}</translation>
    </message>
  </context>
  <context>
    <name>ReplayBar</name>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="89" />
      <source>RECORDED RACE — replay, not live</source>
      <translation>预录比赛 — 回放，并非实时</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="90" />
      <source>REPLAY of the last race</source>
      <translation>上一轮比赛的回放</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="93" />
      <source>Play or pause (Space)</source>
      <translation>播放或暂停（空格键）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="94" />
      <source>Previous event (,)</source>
      <translation>上一个事件（,）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="95" />
      <source>Next event (.)</source>
      <translation>下一个事件（.）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="96" />
      <source>Slower ([)</source>
      <translation>减速（[）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="97" />
      <source>Faster (])</source>
      <translation>加速（]）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/files/replay_bar.py" line="99" />
      <source>Back to live (P)</source>
      <translation>回到实时（P）</translation>
    </message>
  </context>
  <context>
    <name>RouteView</name>
    <message>
      <location filename="../../src/chefline/ui/race/route_view.py" line="96" />
      <source>Fold the route back to what a reader would write</source>
      <translation>把路由折叠回读者会写的样子</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/route_view.py" line="98" />
      <source>Show what Chefline adds: the recording around the route</source>
      <translation>展开 Chefline 加上的部分：围绕路由的记录代码</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/route_view.py" line="100" />
      <source>Show what Chefline adds</source>
      <translation>展开 Chefline 加上的部分</translation>
    </message>
  </context>
  <context>
    <name>SceneBanner</name>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="94" />
      <source>opening the kitchens…</source>
      <translation>正在打开厨房…</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="97" />
      <source>→ sends the bad order</source>
      <translation>→ 发送错误订单</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="97" />
      <source>→ serves</source>
      <translation>→ 上菜</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="99" />
      <source>serving · → next scene</source>
      <translation>上菜中 · → 下一幕</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="101" />
      <source>the end · Esc: full view</source>
      <translation>结束 · Esc：完整视图</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="102" />
      <source>→ next scene</source>
      <translation>→ 下一幕</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="107" />
      <source>REPLAY — recorded, not live</source>
      <translation>回放 — 预先录制，并非实时</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="112" />
      <source>→ or F5 starts the talk; Space serves the race set below.</source>
      <translation>按 → 或 F5 开始演讲；空格键按下方设置上菜。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/scene_banner.py" line="122" />
      <source>scene {0} of {1} · {2}</source>
      <translation>第 {0} / {1} 幕 · {2}</translation>
    </message>
  </context>
  <context>
    <name>Scoreboard</name>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="33" />
      <source>in app</source>
      <translation>在应用内</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="43" />
      <source>served</source>
      <translation>已上菜</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="44" />
      <source>makespan</source>
      <translation>总用时</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="45" />
      <source>throughput</source>
      <translation>吞吐量</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="46" />
      <source>p50 in restaurant</source>
      <translation>p50 在店时间</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="47" />
      <source>p95 in restaurant</source>
      <translation>p95 在店时间</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="48" />
      <source>p99 in restaurant</source>
      <translation>p99 在店时间</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="49" />
      <source>p95 queue wait</source>
      <translation>p95 排队等待</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="50" />
      <source>most at once</source>
      <translation>同时最多</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="51" />
      <source>chefs</source>
      <translation>厨师</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="52" />
      <source>errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="53" />
      <source>tokens/s</source>
      <translation>token/秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="54" />
      <source>threads busy</source>
      <translation>忙碌线程</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="55" />
      <source>waits held</source>
      <translation>挂起的等待</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="56" />
      <source>TTFT</source>
      <translation>首 token 用时</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="57" />
      <source>processes</source>
      <translation>进程数</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="58" />
      <source>threads held</source>
      <translation>占用线程</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="59" />
      <source>memory</source>
      <translation>内存</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="61" />
      <source>× theory</source>
      <translation>× 理论</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="221" />
      <source>Time in the restaurant: from the order sent to the dish received (served orders)</source>
      <translation>在店时间：从下单到拿到菜（已上菜的订单）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="227" />
      <source>Queue wait: from the order sent until a chef picked it up</source>
      <translation>排队等待：从下单到有厨师接单</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="228" />
      <source>Threads with an order in hand right now</source>
      <translation>此刻手上有订单的线程</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="230" />
      <source>Processes of the kitchen's own ("in app": it runs inside Chefline's process)</source>
      <translation>厨房自己的进程（“在应用内”：它运行在 Chefline 的进程里）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="233" />
      <source>OS threads the kitchen held at most, so far in a race (frozen once its last dish is out)</source>
      <translation>厨房最多占用的操作系统线程数，比赛中为目前为止的最大值（最后一道菜出锅后不再变化）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="237" />
      <source>Memory of the kitchen's processes (PSS on Linux); a kitchen inside the app has none of its own to measure</source>
      <translation>厨房进程的内存（Linux 上为 PSS）；在应用内运行的厨房没有可单独测量的内存</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="240" />
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="302" />
      <source>Time to first token of an LLM answer: p50·p95, seconds</source>
      <translation>大模型回答的首个 token 用时：p50·p95，单位秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="242" />
      <source>Orders waiting on the stove right now (a sleep, or a model's tokens): an async kitchen holds them all on one thread, a sync one needs a thread for each</source>
      <translation>此刻在灶上等待的订单（一次 sleep，或等模型的 token）：异步厨房用一个线程挂着全部，同步厨房每单都要一个线程</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="249" />
      <source>The ideal theory counts only the dishes. Every order also costs the kitchen its own Python work (parsing, routing, recording), measured when it opened; in one interpreter that work runs in series, also that of the kitchens next door.</source>
      <translation>理想理论只计算菜本身。每张订单还要花厨房自己的 Python 工作（解析、路由、记录），在厨房开张时测得；在同一个解释器里，这些工作只能一件接一件地做，隔壁厨房的也一样。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="301" />
      <source>no order failed</source>
      <translation>没有订单失败</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="320" />
      <source>expected {0:.2f} s (×{1:.2f})</source>
      <translation>预计 {0:.2f} 秒（×{1:.2f}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="326" />
      <source>waiting its turn: one kitchen at a time</source>
      <translation>等待轮到它：一次一个厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="329" />
      <source>stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="329" />
      <source>failed</source>
      <translation>有失败</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="330" />
      <source>{0}: {1} of {2} served, {3} failed — no ratio to theory</source>
      <translation>{0}：{2} 单上了 {1} 单，失败 {3} 单——不与理论值比较</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="336" />
      <source>expected {0:.2f} s · cooking for {1}</source>
      <translation>预计 {0:.2f} 秒 · 已做 {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="319" />
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="340" />
      <source>expected {0:.2f} s</source>
      <translation>预计 {0:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/scoreboard.py" line="341" />
      <source>expected {0:.2f} s, took {1:.2f} s (×{2:.2f})</source>
      <translation>预计 {0:.2f} 秒，实际 {1:.2f} 秒（×{2:.2f}）</translation>
    </message>
  </context>
  <context>
    <name>SpeakerNotes</name>
    <message>
      <location filename="../../src/chefline/ui/talk/speaker_notes.py" line="128" />
      <source>The clock starts with the first scene.</source>
      <translation>计时从第一个场景开始。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/speaker_notes.py" line="135" />
      <source>This scene {0} of {1}   ·   talk {2}</source>
      <translation>本场景 {0} / {1}   ·   演讲 {2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/speaker_notes.py" line="140" />
      <source>Chefline — speaker notes</source>
      <translation>Chefline — 演讲者备注</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/speaker_notes.py" line="148" />
      <source>Next: the end of the talk.</source>
      <translation>下一个：演讲结束。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/speaker_notes.py" line="151" />
      <source>Next: {0} — {1}</source>
      <translation>下一个：{0} — {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/talk/speaker_notes.py" line="153" />
      <source>Press → to start the talk.</source>
      <translation>按 → 开始演讲。</translation>
    </message>
  </context>
  <context>
    <name>StatusLine</name>
    <message>
      <location filename="../../src/chefline/ui/status_line.py" line="40" />
      <source>Serving… {0:.1f} s</source>
      <translation>上菜中… {0:.1f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/status_line.py" line="45" />
      <source>Race stopped.</source>
      <translation>比赛已停止。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/status_line.py" line="54" />
      <source>{0} {1} served</source>
      <translation>{0} 上菜 {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/status_line.py" line="57" />
      <source>{0} {1:.2f} s</source>
      <translation>{0} {1:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/status_line.py" line="62" />
      <source>{0} {1:.2f} s (theory {2:.2f})</source>
      <translation>{0} {1:.2f} 秒（理论 {2:.2f}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/status_line.py" line="65" />
      <source>Finished: {0}   Export: Ctrl+E</source>
      <translation>完成：{0}   导出：Ctrl+E</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/status_line.py" line="66" />
      <source>Finished: {0}</source>
      <translation>完成：{0}</translation>
    </message>
  </context>
  <context>
    <name>Sweep</name>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="48" />
      <source>{0} skipped at {1}: it would take about {2:.0f} s, over the {3:g} s a point may take.</source>
      <translation>{0} 在 {1} 处跳过：大约需要 {2:.0f} 秒，超过了每个点最多 {3:g} 秒。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="52" />
      <source>{0} skipped at {1}: the kitchen could not open ({2}).</source>
      <translation>{0} 在 {1} 处跳过：厨房无法打开（{2}）。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="53" />
      <source>{0} skipped at {1}: {2}</source>
      <translation>{0} 在 {1} 处跳过：{2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="93" />
      <source>a sweep needs at least one kitchen</source>
      <translation>扫描至少需要一个厨房</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="95" />
      <source>each kitchen can be swept once</source>
      <translation>每个厨房只能扫描一次</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="97" />
      <source>a sweep has 1 to {0} loads, not {1}</source>
      <translation>一次扫描有 1 到 {0} 个负载，不能是 {1} 个</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="100" />
      <source>the loads must rise, each once</source>
      <translation>负载必须从小到大，且不能重复</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="102" />
      <source>the limit must be between {0:g} and {1:g} s, not {2:g}</source>
      <translation>时限必须在 {0:g} 到 {1:g} 秒之间，不能是 {2:g}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="112" />
      <source>users are whole numbers, not {0:g}</source>
      <translation>用户数必须是整数，不能是 {0:g}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="309" />
      <source>loads are numbers separated by commas, such as 1,10,100,1000; not {0!r}</source>
      <translation>负载是用逗号分隔的数字，例如 1,10,100,1000；不能是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="312" />
      <source>name at least one load, such as 1,10,100,1000</source>
      <translation>请至少给出一个负载，例如 1,10,100,1000</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="314" />
      <source>a load must be a number, not NaN</source>
      <translation>负载必须是数字，不能是 NaN</translation>
    </message>
    <message>
      <location filename="../../src/chefline/engine/sweep.py" line="316" />
      <source>users are whole numbers: {0}</source>
      <translation>用户数必须是整数：{0}</translation>
    </message>
  </context>
  <context>
    <name>SweepSession</name>
    <message>
      <location filename="../../src/chefline/ui/sweep/sweep_session.py" line="58" />
      <source>Wait for the race to finish before sweeping: each would take the other's cores.</source>
      <translation>请等比赛结束后再扫描：两者会互相抢占 CPU 核。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/sweep_session.py" line="85" />
      <source>The sweep stopped with an unexpected error: {0}</source>
      <translation>扫描因意外错误而停止：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/sweep/sweep_session.py" line="105" />
      <source>Stop the sweep before opening another.</source>
      <translation>请先停止扫描，再打开另一个。</translation>
    </message>
  </context>
  <context>
    <name>TimelineCanvas</name>
    <message>
      <location filename="../../src/chefline/ui/race/timeline_canvas.py" line="194" />
      <source>Waiting its turn: one kitchen at a time, each has the machine</source>
      <translation>等待轮到它：一次一个厨房，各自独享整台机器</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/race/timeline_canvas.py" line="201" />
      <source>Press Serve to send the orders</source>
      <translation>按“上菜”发送订单</translation>
    </message>
  </context>
  <context>
    <name>Units</name>
    <message>
      <location filename="../../src/chefline/texts.py" line="72" />
      <source>{0} s</source>
      <translation>{0} 秒</translation>
    </message>
  </context>
  <context>
    <name>YourApp</name>
    <message>
      <location filename="../../src/chefline/cli/table.py" line="171" />
      <source>{0} ran on {1}</source>
      <translation>{0} 运行在 {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="35" />
      <source>race or serve your own ASGI or WSGI app (FastAPI, Starlette, Litestar, Flask, …) on its own Python, beside the built-in kitchens</source>
      <translation>在你的应用自己的 Python 上比赛或运行你自己的 ASGI 或 WSGI 应用（FastAPI、Starlette、Litestar、Flask……），与内置厨房并排</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="48" />
      <source>your app's Python: an interpreter or an environment's folder (default: the active VIRTUAL_ENV, else a .venv beside the app or in the current folder, else Chefline's own)</source>
      <translation>你的应用的 Python：一个解释器或一个环境的文件夹（默认：当前激活的 VIRTUAL_ENV，其次是应用旁边或当前文件夹里的 .venv，再次是 Chefline 自己的）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="130" />
      <source>{0}: your app runs on {1}; each customer waits up to {2:g} s for it (--patience)</source>
      <translation>{0}：你的应用运行在 {1}；每位顾客最多等它 {2:g} 秒（--patience）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/cli/your_app_options.py" line="149" />
      <source>Order from your app:</source>
      <translation>向你的应用下单：</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="20" />
      <source>order {0} held the chef at the pot for {1} at {2}</source>
      <translation>订单 {0} 让厨师守在锅边 {1}，位置 {2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="23" />
      <source>order {0} kept the chef working for {1} at {2}</source>
      <translation>订单 {0} 让厨师埋头干活 {1}，位置 {2}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="26" />
      <source>code outside any order held the chef at the pot for {0} at {1}</source>
      <translation>不属于任何订单的代码让厨师守在锅边 {0}，位置 {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="29" />
      <source>code outside any order kept the chef working for {0} at {1}</source>
      <translation>不属于任何订单的代码让厨师埋头干活 {0}，位置 {1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="51" />
      <source>{0} (at {1}:{2} in `{3}`)</source>
      <translation>{0}（在 {1}:{2} 的 `{3}` 里）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="62" />
      <source>{0} so far (it still held it when the race ended)</source>
      <translation>至今 {0}（比赛结束时仍未放开）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="66" />
      <source>, in library code (no line of your app's files was on the stack)</source>
      <translation>，在库代码里（调用栈上没有你的应用自己文件的代码行）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="102" />
      <source>{0}: your route raised {1} ({2} orders)</source>
      <translation>{0}：你的路由抛出了 {1}（{2} 张订单）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="110" />
      <source>{0}: the event loop never stood still for more than {1:g} ms</source>
      <translation>{0}：事件循环从未停住超过 {1:g} 毫秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="114" />
      <source>{0}: the chef was held {1:.2f} s of the {2:.2f} s race ({3:.0f} %), in {4} blocks: stuck at the pot {5:.2f} s, working {6:.2f} s</source>
      <translation>{0}：{2:.2f} 秒的比赛里厨师被拖住 {1:.2f} 秒（{3:.0f} %），共 {4} 次阻塞：守在锅边 {5:.2f} 秒，埋头干活 {6:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="124" />
      <source>  … and {0} more (--json lists every one)</source>
      <translation>  ……还有 {0} 次（--json 会全部列出）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="137" />
      <source>{0}: the event loop never stood still.</source>
      <translation>{0}：事件循环从未停住。</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="140" />
      <source>{0}: the chef was held {1:.2f} s of {2:.2f} s, in {3} blocks; the longest: {4}</source>
      <translation>{0}：{2:.2f} 秒里厨师被拖住 {1:.2f} 秒，共 {3} 次阻塞；最长的一次：{4}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/app_verdict.py" line="152" />
      <source>held the chef {0:.2f} s</source>
      <translation>拖住厨师 {0:.2f} 秒</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="71" />
      <source>given with --python</source>
      <translation>由 --python 指定</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="72" />
      <source>the active VIRTUAL_ENV</source>
      <translation>当前激活的 VIRTUAL_ENV</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="73" />
      <source>a .venv beside the app</source>
      <translation>应用旁边的 .venv</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="74" />
      <source>a .venv in the current folder</source>
      <translation>当前文件夹里的 .venv</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="75" />
      <source>Chefline's own: no other given or found (--python, VIRTUAL_ENV, .venv)</source>
      <translation>Chefline 自己的：没有指定也没有找到别的（--python、VIRTUAL_ENV、.venv）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/kitchen/your_app.py" line="91" />
      <source>Python {0} at {1} ({2})</source>
      <translation>Python {0}，位于 {1}（{2}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/agent_server.py" line="136" />
      <source>your app did not start within {0:g} s on {1} ({2})</source>
      <translation>你的应用在 {1} 上 {0:g} 秒内没有启动（{2}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/agent_server.py" line="138" />
      <location filename="../../src/chefline/servers/your_app/your_kitchen.py" line="177" />
      <source>your app's process ended before it served: {0}</source>
      <translation>你的应用的进程在开始服务前就结束了：{0}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/environment.py" line="95" />
      <source>--python: {0} is a folder with no bin/python in it</source>
      <translation>--python：{0} 是一个文件夹，里面没有 bin/python</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/environment.py" line="99" />
      <source>--python: there is no Python at {0}</source>
      <translation>--python：{0} 处没有 Python</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="24" />
      <source>{0} is not installed for your app's Python ({1}): install it there (pip install {0}) or choose another --server</source>
      <translation>你的应用的 Python（{1}）没有安装 {0}：请装在那里（pip install {0}），或选择别的 --server</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="28" />
      <source>your app's Python is {0}; Chefline's agent needs Python 3.9 or newer</source>
      <translation>你的应用的 Python 是 {0}；Chefline 的代理需要 Python 3.9 或更新的版本</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="34" />
      <source>; your app runs on {0}: install {1} there, or name your app's Python with --python</source>
      <translation>；你的应用运行在 {0}：请把 {1} 装在那里，或用 --python 指定你的应用的 Python</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/refusals.py" line="44" />
      <source>your app could not be served ({0}: {1})</source>
      <translation>无法运行你的应用（{0}：{1}）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/staging.py" line="43" />
      <source>Chefline's agent is missing from {0}</source>
      <translation>{0} 里缺少 Chefline 的代理</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/staging.py" line="66" />
      <source>could not stage Chefline's agent in {0}: {1}</source>
      <translation>无法把 Chefline 的代理放到 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/your_kitchen.py" line="140" />
      <source>your app's agent did not say what it serves</source>
      <translation>你的应用的代理没有说明它运行的是什么</translation>
    </message>
    <message>
      <location filename="../../src/chefline/servers/your_app/your_kitchen.py" line="159" />
      <source>your app's Python could not read it: {0}</source>
      <translation>你的应用的 Python 无法读取它：{0}</translation>
    </message>
  </context>
  <context>
    <name>YourAppDialog</name>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="99" />
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="161" />
      <source>Your app</source>
      <translation>你的应用</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="113" />
      <source>found: VIRTUAL_ENV, a .venv beside the app, …</source>
      <translation>自动查找：VIRTUAL_ENV、应用旁边的 .venv……</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="117" />
      <source>the app's default</source>
      <translation>应用的默认服务器</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="139" />
      <source>App (file or import string)</source>
      <translation>应用（文件或导入路径）</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="140" />
      <source>Python</source>
      <translation>Python</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="141" />
      <source>Server</source>
      <translation>服务器</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="142" />
      <source>Route</source>
      <translation>路由</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="143" />
      <source>Method</source>
      <translation>方法</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="144" />
      <source>JSON body</source>
      <translation>JSON 请求体</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="173" />
      <source>Reading your app's routes with its own Python…</source>
      <translation>正在用你的应用自己的 Python 读取它的路由……</translation>
    </message>
    <message>
      <location filename="../../src/chefline/ui/dialogs/your_app_dialog.py" line="194" />
      <source>Runs on {0}</source>
      <translation>运行在 {0}</translation>
    </message>
  </context>
</TS>