from django.views.generic import ListView

from .models import Book


class BookListView(ListView):
    """The bench's list page: 20 books a page, ordered by id (as the Nest views)."""

    model = Book
    paginate_by = 20
    ordering = ['id']
    template_name = 'book_list.html'
