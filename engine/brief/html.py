def render_brief_html(doc):
    raise NotImplementedError
